// Hostile documents through ingest and the real document-text job (its extraction in a bounded
// child): a 12 KB PDF declaring a million pages and a DOCX inflating to 1.6 GB are kept and read
// within limits; one past the limits is kept, marked undecodable, and its job fails once, for good.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePageBombPdf } from "../support/make-pdf";
import { makeBloatedDocx } from "../support/zip-writer";
import { createTestLibrary, listOriginals, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let ingest: typeof import("@/app/api/ingest/route");
let limits: typeof import("@/lib/media/extract-document").DOCUMENT_LIMITS;

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  ingest = await import("@/app/api/ingest/route");
  limits = (await import("@/lib/media/extract-document")).DOCUMENT_LIMITS;
});
afterAll(async () => lib?.cleanup());

async function upload(name: string, data: Buffer): Promise<string> {
  const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name, data }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { assetId: string }).assetId;
}

async function documentJob(assetId: string) {
  return lib.db.job.findFirstOrThrow({ where: { assetId, kind: "document-text" } });
}

describe("hostile documents", () => {
  it("keeps and reads a page-bomb PDF and a bloated DOCX within limits", async () => {
    const pdf = await upload("bomb.pdf", makePageBombPdf(1000));
    const docx = await upload("bloated.docx", makeBloatedDocx(40, 40));
    const started = Date.now();
    await lib.drain();
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(await documentJob(pdf)).toMatchObject({ status: "done", attempts: 1 });
    expect(await documentJob(docx)).toMatchObject({ status: "done", attempts: 1 });
    expect((await lib.db.asset.findUniqueOrThrow({ where: { id: pdf } })).pageCount).toBe(1_000_000);
    expect((await lib.db.documentText.findUniqueOrThrow({ where: { assetId: docx } })).text.length).toBeLessThanOrEqual(5_000_000);
  }, 240_000);

  it("keeps a document whose extraction passes its limits and fails its job once, for good", async () => {
    const saved = limits.timeMs;
    limits.timeMs = 200;
    try {
      const id = await upload("slow.pdf", makePageBombPdf(999));
      await lib.drain();
      const job = await documentJob(id);
      expect(job).toMatchObject({ status: "failed", attempts: 1 });
      expect(job.lastError).toMatch(/took longer than 0.2 s/);
      const asset = await lib.db.asset.findUniqueOrThrow({ where: { id } });
      expect(asset).toMatchObject({ decodeState: "undecodable", trashedAt: null });
      expect(listOriginals(lib.paths).some((f) => f.includes(asset.sha256))).toBe(true);
    } finally {
      limits.timeMs = saved;
    }
  }, 120_000);
});
