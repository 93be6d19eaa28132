// External library unmounted mid-scan (issue 20, docs/libraries.md): the library is a real bind
// mount (mounted by this test; CI runs as root) and `umount -l` takes it away between two batches
// of a scan, the way a NAS share drops. The library turns stale, nothing is flagged missing or
// deleted, its photos answer "offline" (503 for the original), and once it is mounted again the
// next scan finds everything as it was.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jpegVariant } from "../support/jpeg-variants";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const FILES = 100;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-unmount-"));
const source = path.join(work, "share");
const root = path.join(work, "mnt");
let lib: TestLibrary;
let libraryId: string;
let scanLibrary: typeof import("@/lib/libraries/scan-library").scanLibrary;

const mount = () => execFileSync("mount", ["--bind", source, root], { stdio: "pipe" });
const unmount = () => execFileSync("umount", ["-l", root], { stdio: "pipe" });
const mounted = () => fs.readFileSync("/proc/self/mounts", "utf8").split("\n").some((line) => line.split(" ")[1] === root);
const flaggedRows = () => lib.db.libraryFile.count({ where: { OR: [{ missingScans: { gt: 0 } }, { missingSince: { not: null } }] } });
const detail = async (id: string) => {
  const route = await import("@/app/api/assets/[id]/route");
  return (await lib.call(route.GET, { url: `/api/assets/${id}`, params: { id } })).json() as Promise<{ fileState: string; library: { available: boolean } | null }>;
};

beforeAll(async () => {
  fs.mkdirSync(root);
  for (let i = 0; i < FILES; i += 1) {
    const dir = path.join(source, `roll-${String(i % 8).padStart(2, "0")}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, "0")}.jpg`), await jpegVariant(i, 8));
  }
  try {
    mount();
  } catch (error) {
    throw new Error(`This test needs to bind-mount a folder (run as root): ${(error as Error).message}`);
  }
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  ({ scanLibrary } = await import("@/lib/libraries/scan-library"));
  const { addLibrary } = await import("@/lib/libraries/add-library");
  libraryId = (await addLibrary(lib.db, lib.paths, { root })).id;
}, 60_000);

afterAll(async () => {
  if (mounted()) unmount();
  await lib?.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("an external library unmounted mid-scan", () => {
  it("first scan cut by the unmount: stale, nothing concluded; mounted again, the scan resumes and completes", async () => {
    let batches = 0;
    const cut = await scanLibrary(lib, libraryId, { batchSize: 20, pauseMs: 0, afterBatch: async () => {
      if (++batches === 2) unmount();
    } });
    expect(cut).toMatchObject({ state: "stale", seen: 40 });
    expect(await lib.db.library.findUniqueOrThrow({ where: { id: libraryId } })).toMatchObject({ state: "stale", scanSeen: 40 });
    expect(await flaggedRows()).toBe(0);
    mount();
    const resumed = await scanLibrary(lib, libraryId, { batchSize: 20, pauseMs: 0 });
    expect(resumed).toMatchObject({ state: "complete", seen: FILES - 40, flagged: 0 });
    expect(await lib.db.asset.count()).toBe(FILES);
    expect(await lib.db.libraryFile.count({ where: { assetId: { not: null } } })).toBe(FILES);
  });

  it("a re-scan cut by the unmount flags nothing and shows the photos offline; remounted, all is as before", async () => {
    const some = await lib.db.libraryFile.findFirstOrThrow({ where: { relPath: "roll-03/IMG_0099.jpg" } });
    let batches = 0;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const cut = await scanLibrary(lib, libraryId, { batchSize: 20, pauseMs: 0, afterBatch: async () => {
        if (mounted() && ++batches === 2) unmount();
      } });
      expect(cut.state).toBe("stale");
    }
    expect(await flaggedRows()).toBe(0);
    expect(await lib.db.asset.count({ where: { fileState: { not: "ok" } } })).toBe(0);
    expect(await detail(some.assetId!)).toMatchObject({ fileState: "offline", library: { available: false } });
    const original = await import("@/app/api/assets/[id]/original/route");
    expect((await lib.call(original.GET, { url: `/api/assets/${some.assetId}/original`, params: { id: some.assetId! } })).status).toBe(503);
    const list = await import("@/app/api/libraries/route");
    const body = (await (await lib.call(list.GET, { url: "/api/libraries" })).json()) as { libraries: { state: string; files: number }[] };
    expect(body.libraries[0]).toMatchObject({ state: "stale", files: FILES });
    // The scrub skips a stale library's photos (offline: no read tried): none called corrupt, changed or unreadable.
    const { scrubOriginals } = await import("@/lib/maintenance/scrub-originals");
    expect(await scrubOriginals(lib.db, lib.paths, 1e9)).toMatchObject({ checked: FILES, corrupt: [], unavailable: [], changed: [] });
    expect(await lib.db.asset.count({ where: { fileState: { not: "ok" } } })).toBe(0);

    mount();
    expect(await scanLibrary(lib, libraryId, { batchSize: 20, pauseMs: 0 })).toMatchObject({ state: "complete", new: 0, changed: 0, flagged: 0 });
    expect(await scanLibrary(lib, libraryId, { batchSize: 20, pauseMs: 0 })).toMatchObject({ state: "complete", seen: FILES, new: 0, changed: 0, flagged: 0 });
    expect(await flaggedRows()).toBe(0);
    expect(await lib.db.asset.count()).toBe(FILES);
    expect(await detail(some.assetId!)).toMatchObject({ fileState: "ok", library: { available: true } });
  });
});
