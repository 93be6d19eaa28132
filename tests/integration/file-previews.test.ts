// Previews rendered on the box: PDF pages as WebP images (pdftoppm, cached as derivatives), the
// text of a text file (Markdown flagged as such, binary refused) and a document's extracted text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { writeTempFile } from "@/lib/server/storage";
import { ingestAsset } from "@/lib/assets/ingest-asset";
import { makePdf } from "../support/make-pdf";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let routes: { page: typeof import("@/app/api/assets/[id]/pages/[n]/route"); text: typeof import("@/app/api/assets/[id]/text/route") };

async function ingestFile(data: Buffer, fileName: string): Promise<string> {
  const temp = await writeTempFile((async function* () { yield data; })(), lib.paths.tmp, 1e9);
  return (await ingestAsset(lib, { temp, fileName, source: "upload", client: "test", allowAnyFile: true })).assetId;
}

const page = (id: string, n: string, headers: Record<string, string> = {}) => lib.call(routes.page.GET, { url: `/api/assets/${id}/pages/${n}`, params: { id, n }, headers });
const text = (id: string) => lib.call(routes.text.GET, { url: `/api/assets/${id}/text`, params: { id } });

beforeAll(async () => {
  lib = await createTestLibrary();
  routes = { page: await import("@/app/api/assets/[id]/pages/[n]/route"), text: await import("@/app/api/assets/[id]/text/route") };
});
afterAll(async () => lib?.cleanup());

describe("file previews", () => {
  it("renders any page of a PDF once and serves it from the cache after", async () => {
    const id = await ingestFile(makePdf(["Cover", "2024 tax forms, page two", "Signatures"]), "taxes.pdf");
    // What the document-text job records (its own tests run it): the page count and the text.
    await lib.db.asset.update({ where: { id }, data: { pageCount: 3 } });
    await lib.db.documentText.create({ data: { assetId: id, text: "Cover\n\n2024 tax forms, page two\n\nSignatures" } });
    const res = await page(id, "2");
    if (res.status !== 200) throw new Error(await res.text());
    expect(res.headers.get("content-type")).toBe("image/webp");
    const image = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(image).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(1440);
    // The page has dark text on white: not a blank render.
    const { channels } = await sharp(image).stats();
    expect(channels[0]!.min).toBeLessThan(60);
    const row = await lib.db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: "page-2" } } });
    expect(res.headers.get("etag")).toBe(row.etag);
    expect((await page(id, "2", { "if-none-match": row.etag })).status).toBe(304);
    expect((await page(id, "4")).status).toBe(404);
    expect((await page(id, "0")).status).toBe(400);
    const extracted = await (await text(id)).json();
    expect(extracted).toMatchObject({ format: "text", source: "extracted", truncated: false });
    expect(extracted.text).toContain("2024 tax forms, page two");
  });

  it("previews a text file and Markdown as text, capped, and refuses binary bytes", async () => {
    const md = await ingestFile(Buffer.from("# Notes\n\n<script>alert(1)</script> keep **receipts**\n"), "notes.md");
    expect(await (await text(md)).json()).toEqual({ format: "markdown", source: "file", text: "# Notes\n\n<script>alert(1)</script> keep **receipts**\n", truncated: false });
    const big = await ingestFile(Buffer.from("é".repeat(200_000)), "big.txt");
    const capped = await (await text(big)).json();
    expect(capped.truncated).toBe(true);
    expect(capped.format).toBe("text");
    expect(capped.text).toMatch(/^é+$/);
    expect(Buffer.byteLength(capped.text)).toBeLessThanOrEqual(256 * 1024);
    const binary = await ingestFile(Buffer.from([0x41, 0x00, 0x42, 0xff]), "data.txt");
    expect((await text(binary)).status).toBe(404);
    expect((await page(md, "1")).status).toBe(404);
  });
});
