import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makePageBombPdf, makePdf } from "@/tests/support/make-pdf";
import { makeBloatedDocx } from "@/tests/support/zip-writer";
import { DOCUMENT_LIMITS, extractDocument } from "./extract-document";
import { OFFICE_LIMITS } from "./read-office";
import { PDF_LIMITS } from "./read-pdf";
import { ChildLimitError } from "./run-bounded-child";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-docs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

/** Runs `work` with some DOCUMENT_LIMITS changed, restoring them after. */
async function withLimits<T>(limits: Partial<typeof DOCUMENT_LIMITS>, work: () => Promise<T>): Promise<T> {
  const saved = { ...DOCUMENT_LIMITS };
  Object.assign(DOCUMENT_LIMITS, limits);
  try {
    return await work();
  } finally {
    Object.assign(DOCUMENT_LIMITS, saved);
  }
}

/** Runs `work` while sampling this process's resident memory; returns its result and the growth. */
async function withRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; ms: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, growthMb: (peak - base) / 2 ** 20, ms: performance.now() - started };
  } finally {
    clearInterval(sampler);
  }
}

describe("extractDocument", () => {
  it("reads an ordinary PDF: pages, text and first page", async () => {
    const pdf = await extractDocument(file("ok.pdf", makePdf(["Invoice 2024", "Second page"])), "application/pdf");
    expect(pdf.pageCount).toBe(2);
    expect(pdf.text).toBe("Invoice 2024\n\nSecond page");
    expect(pdf.firstPage?.subarray(1, 4).toString()).toBe("PNG");
  });

  it("reads the first pages of a 12 KB PDF declaring a million, in bounded time and memory, outside this process", async () => {
    // Read in place, this PDF blocked the worker's event loop for minutes and grew it to 2.5 GB.
    // Here its child stays under 600 MiB resident (else it would be killed and this would throw).
    const bomb = file("bomb.pdf", makePageBombPdf(1000));
    expect(fs.statSync(bomb).size).toBeLessThan(16_000);
    const { result, growthMb, ms } = await withRssGrowth(() => withLimits({ rssMb: 600 }, () => extractDocument(bomb, "application/pdf")));
    expect(result.pageCount).toBe(1_000_000);
    expect(result.text.split("\n\n")).toHaveLength(PDF_LIMITS.pages);
    expect(ms).toBeLessThan(DOCUMENT_LIMITS.timeMs);
    expect(growthMb).toBeLessThan(100);
  }, 180_000);

  it("reads a DOCX with forty 40 MB parts within the XML and text limits", async () => {
    // Read in place, this DOCX took the worker to 5.4 GB; its child stays under 600 MiB here.
    const docx = file("bloated.docx", makeBloatedDocx(40, 40));
    const { result, growthMb } = await withRssGrowth(() => withLimits({ rssMb: 600 }, () => extractDocument(docx, DOCX)));
    expect(result.text.startsWith("bloated\n")).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(OFFICE_LIMITS.chars);
    expect(growthMb).toBeLessThan(100);
  }, 180_000);

  it("kills an extraction past its time or memory limit", async () => {
    const slow = withLimits({ timeMs: 300 }, () => extractDocument(file("slow.pdf", makePageBombPdf(1000)), "application/pdf"));
    await expect(slow).rejects.toThrow(new ChildLimitError("took longer than 0.3 s"));
    const big = withLimits({ rssMb: 60 }, () => extractDocument(file("big.docx", makeBloatedDocx(4, 40)), DOCX));
    await expect(big).rejects.toThrow(/used more than 60 MiB/);
  }, 120_000);
});
