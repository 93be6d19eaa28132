// Apple's iCloud Photos export ("copy of your data", docs/ICLOUD.md) built by the test from the
// shared fixture photos in its documented layout: two zip parts, each with its own Photo Details
// CSV, an album CSV naming photos of both parts, a memory, a shared-albums archive, a hidden and a
// recently deleted photo, and a Live Photo (the fixture HEIC + a MOV made with ffmpeg). Imported
// through the CLI (`npm run import:icloud`), then again through the API with the deleted photo
// asked for; asserts the library, the Live Photo link and both verification reports.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TakeoutReport } from "@/lib/takeout/build-report";
import { sharedPath } from "../support/shared";
import { writeParts } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";
import { writeZip } from "../support/zip-writer";

const ROOT = path.resolve(import.meta.dirname, "../..");
const I = "iCloud Photos";
const HEADER = "imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,viewCount,importDate";
const jpg = (name: string) => fs.readFileSync(sharedPath("fixtures", "photos", "jpg", name));
const row = (name: string, flags: { favorite?: boolean; hidden?: boolean; deleted?: boolean }, date: string) =>
  `${name},AQ${name.length}xYz,${flags.favorite ? "yes" : "no"},${flags.hidden ? "yes" : "no"},${flags.deleted ? "yes" : "no"},"${date}",3,"${date}"`;

let lib: TestLibrary;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-icloud-"));
let parts: string[];
let cli: { status: number | null; output: string };

function liveVideo(): Buffer {
  const out = path.join(workDir, "live.mov");
  const made = spawnSync("ffmpeg", ["-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "0.6", "-c:v", "mpeg4", "-f", "mov", "-y", out]);
  if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr.toString()}`);
  return fs.readFileSync(out);
}

function runCli(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/import-takeout.ts", ...args], { cwd: ROOT, env: { ...process.env, ALBUMS_DATA_DIR: lib.config.dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.once("exit", (status) => resolve({ status, output }));
  });
}

async function asset(name: string) {
  return lib.db.asset.findFirst({ where: { names: { some: { name } } }, include: { albums: { include: { album: true } } } });
}

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_IMPORT_DIRS: workDir, ALBUMS_ENRICHMENT: "none" });
  parts = await writeParts(workDir, {
    "iCloud Photos Part 1 of 2.zip": [
      { path: `${I}/Photos/IMG_5195.HEIC`, data: fs.readFileSync(sharedPath("fixtures", "photos", "heic", "IMG_5195.HEIC")) },
      { path: `${I}/Photos/IMG_5195.MOV`, data: liveVideo() },
      { path: `${I}/Photos/Canon_40D.jpg`, data: jpg("Canon_40D.jpg") },
      { path: `${I}/Photos/Nikon_D70.jpg`, data: jpg("Nikon_D70.jpg") },
      {
        path: `${I}/Photos/Photo Details.csv`,
        data: Buffer.from([HEADER, row("IMG_5195.HEIC", {}, "Saturday June 4,2022 12:11 PM GMT"), row("Canon_40D.jpg", { favorite: true }, "Monday May 1,2023 9:00 AM GMT"), row("Nikon_D70.jpg", { hidden: true }, "Monday May 1,2023 9:05 AM GMT")].join("\r\n")),
      },
      { path: `${I}/Albums/Summer.csv`, data: Buffer.from("imgName\nIMG_5195.HEIC\nCanon_40D.jpg\nOlympus_C8080WZ.jpg\n") },
      { path: `${I}/Memories/1. June 2022.csv`, data: Buffer.from("imgName\nIMG_5195.HEIC\n") },
      { path: `${I}/iCloud Shared Albums-1.zip`, data: writeZip([{ name: "Shared/x.jpg", data: jpg("Pentax_K10D.jpg") }]) },
    ],
    "iCloud Photos Part 2 of 2.zip": [
      { path: `${I}/Photos/Olympus_C8080WZ.jpg`, data: jpg("Olympus_C8080WZ.jpg") },
      { path: `${I}/Photos/Pentax_K10D.jpg`, data: jpg("Pentax_K10D.jpg") },
      { path: `${I}/Photos/Photo Details-1.csv`, data: Buffer.from([HEADER, row("Olympus_C8080WZ.jpg", {}, "Tuesday May 2,2023 8:00 PM GMT"), row("Pentax_K10D.jpg", { deleted: true }, "Tuesday May 2,2023 8:30 PM GMT")].join("\n")) },
      { path: `${I}/Photos/Photo Details-2.csv`, data: Buffer.from("") }, // Apple writes empty ones too
    ],
  });
  cli = await runCli(["--icloud", ...parts]);
}, 120_000);
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("iCloud Photos import", () => {
  it("through the CLI: imports the photos with their details and reports the verdict", async () => {
    expect(cli.output).toMatch(/imported 5, already in the library 0 \(0 updated by this export\), not imported 1, failed 0/);
    expect(cli.output).toMatch(/NOT safe to delete from iCloud yet:\n {2}- imported and verified, not yet backed up off this disk \(5 originals\)/);
    expect(cli.status).toBe(3); // accounted for, waiting for a backup off this disk
    expect(await lib.db.asset.count()).toBe(5);
    expect(await asset("Canon_40D.jpg")).toMatchObject({ favorite: true, archived: false, source: "icloud" });
    expect(await asset("Nikon_D70.jpg")).toMatchObject({ archived: true }); // hidden in iCloud
    expect(await asset("Pentax_K10D.jpg")).toBeNull(); // recently deleted: left out
  });

  it("re-creates albums across parts and links the Live Photo's HEIC and MOV", async () => {
    const albums = await lib.db.album.findMany({ include: { assets: { include: { asset: true } } } });
    expect(albums.map((a) => [a.title, a.source, a.assets.map((m) => m.asset.originalName).sort()])).toEqual([["Summer", "icloud", ["Canon_40D.jpg", "IMG_5195.HEIC", "Olympus_C8080WZ.jpg"]]]);
    const still = await asset("IMG_5195.HEIC");
    const video = await asset("IMG_5195.MOV");
    expect([still?.kind, video?.kind]).toEqual(["photo", "video"]);
    expect(await lib.db.livePhotoPair.findMany()).toEqual([{ stillId: still!.id, videoId: video!.id }]);
    // The lightbox plays it as it plays a Motion Photo.
    const { getAsset } = await import("@/lib/assets/get-asset");
    expect((await getAsset(lib.db, still!.id)).motionPhoto).toEqual({ videoUrl: `/api/assets/${video!.id}/original` });
  });

  it("writes a report that accounts for every entry of every part", async () => {
    const reportFile = /report: (\S+\.json)/.exec(cli.output)![1]!;
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as TakeoutReport;
    const fate = Object.fromEntries(report.items.map((i) => [i.path.replace(`${I}/`, ""), i.status]));
    expect(fate).toEqual({
      "Photos/IMG_5195.HEIC": "imported",
      "Photos/IMG_5195.MOV": "imported",
      "Photos/Canon_40D.jpg": "imported",
      "Photos/Nikon_D70.jpg": "imported",
      "Photos/Olympus_C8080WZ.jpg": "imported",
      "Photos/Pentax_K10D.jpg": "skipped",
    });
    expect(report.items.find((i) => i.path.endsWith("Pentax_K10D.jpg"))?.reason).toMatch(/Recently Deleted/);
    expect(report.items.find((i) => i.path.endsWith("Olympus_C8080WZ.jpg"))?.sidecar).toBe(`iCloud Photos Part 2 of 2.zip/${I}/Photos/Photo Details-1.csv`);
    expect(report.parts.map((p) => [p.part, p.entries, p.byKind])).toEqual([
      ["iCloud Photos Part 1 of 2.zip", 8, { media: 4, sidecar: 1, "album-meta": 1, other: 2 }],
      ["iCloud Photos Part 2 of 2.zip", 4, { media: 2, sidecar: 2 }],
    ]);
    expect(report.albums).toEqual([expect.objectContaining({ title: "Summer", expected: 3, present: 3, missing: [] })]);
    expect(report.unmatchedMedia).toEqual([]);
    expect(report.source).toBe("icloud");
    expect(report.accounted).toBe(true);
  });

  it("through the API, asked for Recently Deleted: adds only that photo, into the trash", async () => {
    const imports = await import("@/app/api/imports/route");
    const one = await import("@/app/api/imports/[id]/route");
    // The thumbnails and posters the CLI's import queued are not what this test is about (they take
    // most of a minute on a busy box): only the import job runs here.
    await lib.db.job.deleteMany({ where: { kind: { not: "takeout-import" } } });
    const body = JSON.stringify({ paths: parts, source: "icloud", includeTrashed: true });
    expect((await lib.call(imports.POST, { url: "/api/imports", method: "POST", headers: { "content-type": "application/json" }, body })).status).toBe(202);
    await lib.drain();
    const { imports: runs } = (await (await lib.call(imports.GET, { url: "/api/imports" })).json()) as { imports: { id: string; status: string }[] };
    expect(runs.map((r) => r.status)).toEqual(["done", "done"]);
    const { report } = (await (await lib.call(one.GET, { url: `/api/imports/${runs[0]!.id}`, params: { id: runs[0]!.id } })).json()) as { report: TakeoutReport };
    expect(report.totals).toMatchObject({ imported: 1, duplicate: 5, updated: 0, failed: 0, pending: 0 });
    expect(report.accounted).toBe(true);
    expect((await asset("Pentax_K10D.jpg"))?.trashedAt).not.toBeNull();
    expect(await lib.db.album.count()).toBe(1);
  });
});
