import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeDocx, writeZip } from "@/tests/support/zip-writer";
import { readOfficeText } from "./read-office";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-office-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function file(name: string, data: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

describe("readOfficeText", () => {
  it("reads DOCX paragraphs, unescaping entities", async () => {
    const p = file("a.docx", makeDocx(["Tom & Jerry", "<b>not bold</b>"]));
    expect(await readOfficeText(p, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("Tom & Jerry\n<b>not bold</b>");
  });

  it("reads XLSX shared strings and PPTX slides in order", async () => {
    const xlsx = file("a.xlsx", writeZip([
      { name: "xl/sharedStrings.xml", deflate: true, data: Buffer.from(`<sst><si><t>Invoice</t></si><si><t xml:space="preserve">Total 42</t></si></sst>`) },
      { name: "xl/worksheets/sheet1.xml", deflate: true, data: Buffer.from(`<worksheet><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>`) },
    ]));
    expect(await readOfficeText(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("Invoice\nTotal 42");
    const slide = (n: number, text: string) => ({ name: `ppt/slides/slide${n}.xml`, deflate: true, data: Buffer.from(`<p:sld><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:sld>`) });
    const pptx = file("a.pptx", writeZip([slide(10, "Tenth"), slide(2, "Second"), slide(1, "First")]));
    expect(await readOfficeText(pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation")).toBe("First\n\nSecond\n\nTenth");
  });

  it("fails on something that is not an Office file", async () => {
    await expect(readOfficeText(file("x.docx", Buffer.from("nope")), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).rejects.toThrow();
  });
});
