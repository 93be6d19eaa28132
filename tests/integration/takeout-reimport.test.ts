// Two Takeouts of one account, months apart, built by the test from the shared fixture photos. The
// second has new photos, new album members, metadata edited in Google since, an album renamed in
// Google, and a description the owner changed in Albums in between. Asserts that the second
// import adds only what is new or changed, reports the rest as already there, and never makes a
// second album.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TakeoutReport } from "@/lib/takeout/build-report";
import { sharedPath } from "../support/shared";
import { sidecar, writeParts } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const P = "Takeout/Google Photos";
const photo = (...p: string[]) => fs.readFileSync(sharedPath("fixtures", "photos", "jpg", ...p));
const TRIP_DATE = { timestamp: "1690000000", formatted: "" };

let lib: TestLibrary;
let importTakeout: typeof import("@/lib/takeout/import-takeout").importTakeout;
let first: TakeoutReport;
let second: TakeoutReport;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-reimport-"));

async function asset(name: string) {
  return lib.db.asset.findFirstOrThrow({ where: { names: { some: { name } } } });
}

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  ({ importTakeout } = await import("@/lib/takeout/import-takeout"));
  const january = await writeParts(path.join(workDir, "january"), {
    "takeout-20250101T000000Z-001.zip": [
      { path: `${P}/Photos from 2008/DSCN0010.jpg`, data: photo("gps", "DSCN0010.jpg") },
      { path: `${P}/Photos from 2008/DSCN0010.jpg.json`, data: sidecar({ title: "DSCN0010.jpg", description: "Arezzo" }) },
      { path: `${P}/Photos from 2008/DSCN0012.jpg`, data: photo("gps", "DSCN0012.jpg") },
      { path: `${P}/Photos from 2008/DSCN0012.jpg.json`, data: sidecar({ title: "DSCN0012.jpg", description: "Hills" }) },
      { path: `${P}/Trip/metadata.json`, data: Buffer.from(JSON.stringify({ title: "Trip", date: TRIP_DATE })) },
      { path: `${P}/Trip/DSCN0010.jpg`, data: photo("gps", "DSCN0010.jpg") },
      { path: `${P}/Trip/DSCN0012.jpg`, data: photo("gps", "DSCN0012.jpg") },
      { path: `${P}/Birthday/metadata.json`, data: Buffer.from(JSON.stringify({ title: "Birthday" })) },
      { path: `${P}/Birthday/Canon_40D.jpg`, data: photo("Canon_40D.jpg") },
      { path: `${P}/Birthday/Canon_40D.jpg.json`, data: sidecar({ title: "Canon_40D.jpg", favorited: true }) },
    ],
  });
  first = (await importTakeout(lib, january)).report;
  // Between the two exports the owner describes DSCN0012 in Albums.
  const { updateAssets } = await import("@/lib/assets/update-assets");
  await updateAssets(lib.db, { ids: [(await asset("DSCN0012.jpg")).id], description: "Our walk above the vineyards" });
  const june = await writeParts(path.join(workDir, "june"), {
    "takeout-20250601T000000Z-001.zip": [
      { path: `${P}/Photos from 2008/DSCN0010.jpg`, data: photo("gps", "DSCN0010.jpg") },
      // Edited in Google since: a new description, and now a favourite.
      { path: `${P}/Photos from 2008/DSCN0010.jpg.supplemental-metadata.json`, data: sidecar({ title: "DSCN0010.jpg", description: "Arezzo, Tuscany", favorited: true }) },
      { path: `${P}/Photos from 2008/DSCN0012.jpg`, data: photo("gps", "DSCN0012.jpg") },
      { path: `${P}/Photos from 2008/DSCN0012.jpg.supplemental-metadata.json`, data: sidecar({ title: "DSCN0012.jpg", description: "Hills" }) },
      { path: `${P}/Photos from 2009/Nikon_D70.jpg`, data: photo("Nikon_D70.jpg") },
      // "Trip" renamed in Google, with one more photo.
      { path: `${P}/Trip to Tuscany/metadata.json`, data: Buffer.from(JSON.stringify({ title: "Trip to Tuscany", date: TRIP_DATE })) },
      { path: `${P}/Trip to Tuscany/DSCN0010.jpg`, data: photo("gps", "DSCN0010.jpg") },
      { path: `${P}/Trip to Tuscany/DSCN0012.jpg`, data: photo("gps", "DSCN0012.jpg") },
      { path: `${P}/Trip to Tuscany/Nikon_D70.jpg`, data: photo("Nikon_D70.jpg") },
    ],
    "takeout-20250601T000000Z-002.zip": [
      { path: `${P}/Birthday/metadata.json`, data: Buffer.from(JSON.stringify({ title: "Birthday" })) },
      { path: `${P}/Birthday/Canon_40D.jpg`, data: photo("Canon_40D.jpg") },
      // No longer a favourite in Google.
      { path: `${P}/Birthday/Canon_40D.jpg.json`, data: sidecar({ title: "Canon_40D.jpg" }) },
      // An older photo added to the album since (already in the library through no album).
      { path: `${P}/Birthday/DSCN0012.jpg`, data: photo("gps", "DSCN0012.jpg") },
    ],
  });
  second = (await importTakeout(lib, june)).report;
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("a second Takeout of the same account", () => {
  it("imports only what is new and reports the rest as already there", async () => {
    expect(first.totals).toMatchObject({ imported: 3, duplicate: 2, updated: 0, failed: 0 });
    expect(second.totals).toMatchObject({ imported: 1, duplicate: 7, failed: 0, pending: 0 });
    expect(await lib.db.asset.count()).toBe(4);
    const reasons = Object.fromEntries(second.items.map((i) => [i.path.replace(`${P}/`, ""), i.reason]));
    // The new photo comes twice in this export; files land four at a time, so either copy may be the one imported.
    const { "Photos from 2009/Nikon_D70.jpg": nikon2009, "Trip to Tuscany/Nikon_D70.jpg": nikonTrip, ...rest } = reasons;
    expect([nikon2009, nikonTrip].sort()).toEqual(["another copy of a file in this export", null]);
    expect(rest).toEqual({
      "Photos from 2008/DSCN0010.jpg": "already in the library; updated from this export: description, favourite",
      "Photos from 2008/DSCN0012.jpg": "already in the library",
      "Trip to Tuscany/DSCN0010.jpg": "already in the library",
      "Trip to Tuscany/DSCN0012.jpg": "already in the library",
      "Birthday/Canon_40D.jpg": "already in the library; updated from this export: no longer favourite",
      "Birthday/DSCN0012.jpg": 'already in the library; updated from this export: added to album "Birthday"',
    });
    expect(second.totals.updated).toBe(3);
    expect(second.accounted).toBe(true);
  });

  it("carries metadata edited in Google, and keeps what the owner changed in Albums", async () => {
    expect(await asset("DSCN0010.jpg")).toMatchObject({ description: "Arezzo, Tuscany", favorite: true });
    expect((await asset("DSCN0012.jpg")).description).toBe("Our walk above the vineyards");
    expect((await asset("Canon_40D.jpg")).favorite).toBe(false);
  });

  it("never duplicates an album: a renamed one is the same album, new members join it", async () => {
    const albums = await lib.db.album.findMany({ include: { assets: { include: { asset: true } } }, orderBy: { title: "asc" } });
    expect(albums.map((a) => [a.title, a.sourceKey, a.assets.map((m) => m.asset.originalName).sort()])).toEqual([
      ["Birthday", "takeout:birthday", ["Canon_40D.jpg", "DSCN0012.jpg"]],
      ["Trip to Tuscany", "takeout:trip to tuscany", ["DSCN0010.jpg", "DSCN0012.jpg", "Nikon_D70.jpg"]],
    ]);
    expect(second.albums.map((a) => [a.title, a.expected, a.present])).toEqual([
      ["Trip to Tuscany", 3, 3],
      ["Birthday", 2, 2],
    ]);
  });
});
