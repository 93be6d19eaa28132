import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keywordXmp, nestedXmp, pngWithXmp } from "@/tests/support/png";
import { METADATA_THREAD_LIMITS } from "./metadata-threads";
import { readPhotoMetadata } from "./read-photo-metadata";
import { xmpProblem } from "./read-metadata-segments";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-xmp-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function png(name: string, xmp: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pngWithXmp(xmp));
  return file;
}

/** Runs `work` while a 10 ms timer ticks; returns its result and the longest gap between ticks. */
async function withLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const ticker = setInterval(() => {
    lagMs = Math.max(lagMs, performance.now() - last);
    last = performance.now();
  }, 10);
  try {
    const result = await work();
    lagMs = Math.max(lagMs, performance.now() - last);
    return { result, lagMs };
  } finally {
    clearInterval(ticker);
  }
}

const GOOD = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" GCamera:MicroVideoOffset="1234" photoshop:DateCreated="2020-01-02T03:04:05+02:00"><dc:subject><rdf:Bag><rdf:li>a</rdf:li><rdf:li>b</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>`;

describe("readPhotoMetadata on hostile XMP", () => {
  it("still reads ordinary XMP", async () => {
    await readPhotoMetadata(png("warm.png", GOOD)); // the first call starts a thread
    const meta = await readPhotoMetadata(png("good.png", GOOD));
    expect(meta.exifDateTime).toBe("2020:01:02 03:04:05");
    expect(meta.exifOffset).toBe("+02:00");
    expect(meta.raw.GCamera).toEqual({ MicroVideoOffset: 1234 });
    expect(meta.raw.dc).toEqual({ subject: ["a", "b"] });
  });

  it("skips XMP nested 35,000 deep without stalling the caller's event loop", async () => {
    // Parsed in place this took seconds (200,000 levels: 83 s) with the event loop blocked throughout.
    const file = png("nested.png", nestedXmp(35_000));
    const started = performance.now();
    const { result, lagMs } = await withLoopLag(() => readPhotoMetadata(file));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(lagMs).toBeLessThan(250);
    expect(result.raw.xmpSkipped).toMatchObject({ reason: "nested deeper than 32 elements" });
    expect(result.raw.ihdr).toMatchObject({ ImageWidth: 8 });
  });

  it("skips a million keywords, and parses a large but legal XMP off the event loop", async () => {
    const million = png("million.png", keywordXmp(1_000_000));
    const many = png("many.png", keywordXmp(20_000));
    const huge = await withLoopLag(() => readPhotoMetadata(million));
    expect(huge.result.raw.xmpSkipped).toMatchObject({ reason: "larger than 524288 characters" });
    expect(huge.lagMs).toBeLessThan(250);
    const large = await withLoopLag(() => readPhotoMetadata(many));
    expect((large.result.raw.dc as { subject: string[] }).subject).toHaveLength(256); // stored lists are cut
    expect(large.lagMs).toBeLessThan(250);
  });

  it("gives up on a read that passes its time limit, and the next read still works", async () => {
    const limit = METADATA_THREAD_LIMITS.timeMs;
    METADATA_THREAD_LIMITS.timeMs = 1;
    try {
      expect(await readPhotoMetadata(png("slow.png", keywordXmp(20_000)))).toEqual({ raw: {} });
    } finally {
      METADATA_THREAD_LIMITS.timeMs = limit;
    }
    expect((await readPhotoMetadata(png("after.png", GOOD))).raw.GCamera).toEqual({ MicroVideoOffset: 1234 });
  });
});

describe("xmpProblem", () => {
  it("accepts well-formed XMP and names what is wrong otherwise, in one pass", () => {
    expect(xmpProblem(GOOD)).toBeNull();
    expect(xmpProblem(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><!-- note --><a:b x="1"/><a:c>t</a:c>`)).toBeNull();
    expect(xmpProblem("<a:b></a:c>".repeat(10))).toMatch(/does not match/);
    expect(xmpProblem("<a:b".repeat(10))).toBe("an unterminated tag");
    expect(xmpProblem(nestedXmp(40))).toBe("nested deeper than 32 elements");
    const started = performance.now();
    expect(xmpProblem("<a:b>".repeat(100_000))).toBe("nested deeper than 32 elements");
    expect(xmpProblem(`<a:b>${"<c:d/>".repeat(80_000)}</a:b>`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
