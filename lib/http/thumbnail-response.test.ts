import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DerivativeLookup } from "@/lib/assets/open-derivative";
import { thumbnailResponse } from "./thumbnail-response";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-thumb-response-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const hashOf = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const turned = Buffer.from("the turned picture");
const upright = Buffer.from("the upright picture");
const file = path.join(dir, "thumb-md.webp");

/** The lookup the route makes: the row still names `rowBytes` while the file on disk may already hold others. */
function ready(rowBytes: Buffer, onDisk: Buffer): DerivativeLookup {
  fs.writeFileSync(file, onDisk);
  return { state: "ready", file: { path: file, size: onDisk.length, mime: "image/webp", etag: `"${hashOf(rowBytes).slice(0, 32)}"`, fileName: "thumb-md.webp" } };
}
const get = (headers: Record<string, string> = {}) => new Request("http://box/api/assets/a/thumbnail?size=md", { headers });

describe("thumbnailResponse", () => {
  it("keeps for good only the bytes the URL's version names", async () => {
    const response = await thumbnailResponse(get(), ready(upright, upright), hashOf(upright).slice(0, 12));
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("etag")).toBe(`"${hashOf(upright).slice(0, 32)}"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(upright);
  });

  it("sends a file re-rendered after the page looked uncached, under its own ETag", async () => {
    // The page was told the upright version; a turn's re-render has replaced the file, not yet the row.
    const response = await thumbnailResponse(get(), ready(upright, turned), hashOf(upright).slice(0, 12));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBe(`"${hashOf(turned).slice(0, 32)}"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(turned);
  });

  it("without a version, checks the bytes against the stored row", async () => {
    expect((await thumbnailResponse(get(), ready(upright, upright), null)).headers.get("cache-control")).toContain("immutable");
    expect((await thumbnailResponse(get(), ready(upright, turned), null)).headers.get("cache-control")).toBe("no-store");
    expect((await thumbnailResponse(get(), ready(upright, upright), "abc")).headers.get("cache-control")).toBe("no-store");
  });

  it("answers a matching If-None-Match with 304 and a range with 206", async () => {
    const etag = `"${hashOf(upright).slice(0, 32)}"`;
    expect((await thumbnailResponse(get({ "if-none-match": etag }), ready(upright, upright), null)).status).toBe(304);
    const part = await thumbnailResponse(get({ range: "bytes=4-10" }), ready(upright, upright), null);
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(upright.subarray(4, 11));
  });

  it("passes a thumbnail still being made through as 202", async () => {
    expect((await thumbnailResponse(get(), { state: "pending" }, null)).status).toBe(202);
  });
});
