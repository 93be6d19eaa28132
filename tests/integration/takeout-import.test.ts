// A realistic three-part Takeout (two zips and a tgz) built from the shared fixture photos, with
// sidecars showing every pitfall of TAKEOUT.md, localised album metadata, edited copies, a JSON in
// another part than its photo, a trashed and an archived photo, and a Drive folder with a PDF, a
// DOCX and a CSV. Asserts the exact resulting library and the verification report; then re-runs
// (nothing new), and resumes an interrupted import.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TakeoutReport } from "@/lib/takeout/build-report";
import { makePdf } from "../support/make-pdf";
import { sharedPath } from "../support/shared";
import { sidecar, writeParts, type TakeoutFile } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";
import { makeDocx } from "../support/zip-writer";

const P = "Takeout/Google Photos";
const photo = (...p: string[]) => fs.readFileSync(sharedPath("fixtures", "photos", ...p));
const LONG = "Screenshot_20230102-101010_Some Very Long App Name.png"; // 54 characters: its sidecar name gets cut
const ROME = "Vacances à Rome";

let lib: TestLibrary;
let importTakeout: typeof import("@/lib/takeout/import-takeout").importTakeout;
let report: TakeoutReport;
let partFiles: string[];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-takeout-"));

function parts(): Record<string, TakeoutFile[]> {
  return {
    "takeout-20240101T000000Z-001.zip": [
      { path: `${P}/Photos from 2008/DSCN0010.jpg`, data: photo("jpg", "gps", "DSCN0010.jpg") },
      { path: `${P}/Photos from 2008/DSCN0012.jpg`, data: photo("jpg", "gps", "DSCN0012.jpg") },
      { path: `${P}/Photos from 2008/DSCN0012.jpg.supplemental-metadata.json`, data: sidecar({ title: "DSCN0012.jpg", takenAt: "2008-10-22T14:30:00Z", description: "Tuscany hills", favorited: true, people: ["Alice", "Bob"], deviceFolder: "Camera" }) },
      { path: `${P}/Photos from 2023/IMG_1234.JPG`, data: photo("jpg", "xmp", "no_exif.jpg") },
      { path: `${P}/Photos from 2023/IMG_1234.JPG.json`, data: sidecar({ title: "IMG_1234.JPG", takenAt: "2023-05-01T10:00:00Z", geoData: [48.8584, 2.2945] }) },
      { path: `${P}/Photos from 2023/IMG_1234(1).JPG`, data: photo("jpg", "Canon_40D.jpg") },
      { path: `${P}/Photos from 2023/IMG_1234.JPG(1).json`, data: sidecar({ title: "IMG_1234.JPG", takenAt: "2023-05-02T10:00:00Z" }) },
      { path: `${P}/Photos from 2023/IMG_1234-edited.JPG`, data: photo("jpg", "Nikon_D70.jpg") },
      { path: `${P}/Photos from 2023/${LONG}`, data: fs.readFileSync(sharedPath("fixtures", "text", "screenshot_synthetic.png")) },
      { path: `${P}/Photos from 2023/${LONG.slice(0, 46)}.json`, data: sidecar({ title: LONG, takenAt: "2023-01-02T09:10:10Z" }) },
      { path: `${P}/Photos from 2023/trash.jpg`, data: photo("jpg", "Pentax_K10D.jpg") },
      { path: `${P}/Photos from 2023/trash.jpg.supplemental-meta.json`, data: sidecar({ title: "trash.jpg", takenAt: "2023-06-01T00:00:00Z", trashed: true }) },
      { path: `${P}/Photos from 2023/archived.jpg`, data: photo("jpg", "Olympus_C8080WZ.jpg") },
      { path: `${P}/Photos from 2023/archived.jpg.json`, data: sidecar({ title: "archived.jpg", takenAt: "2023-07-01T00:00:00Z", archived: true }) },
      { path: `${P}/print-subscriptions.json`, data: Buffer.from("[]") },
      { path: "Takeout/archive_browser.html", data: Buffer.from("<html>Takeout</html>") },
    ],
    "takeout-20240101T000000Z-002.tgz": [
      { path: `${P}/Photos from 2008/DSCN0010.jpg.json`, data: sidecar({ title: "DSCN0010.jpg", takenAt: "2008-10-22T14:28:39Z", description: "Arezzo", geoDataExif: [43.4674, 11.8851] }) },
      { path: `${P}/${ROME.normalize("NFD")}/métadonnées.json`, data: Buffer.from(JSON.stringify({ title: ROME, description: "Summer trip", access: "protected", date: { timestamp: "1690000000", formatted: "" } })) },
      { path: `${P}/${ROME.normalize("NFD")}/DSCN0010.jpg`, data: photo("jpg", "gps", "DSCN0010.jpg") },
      { path: `${P}/${ROME.normalize("NFD")}/DSCN0010.jpg.json`, data: sidecar({ title: "DSCN0010.jpg", takenAt: "2008-10-22T14:28:39Z" }) },
      { path: `${P}/${ROME.normalize("NFD")}/DSCN0021.jpg`, data: photo("jpg", "gps", "DSCN0021.jpg") },
    ],
    "takeout-20240101T000000Z-003.zip": [
      { path: `${P}/${ROME}/DSCN0021.jpg.supplemental-metadata.json`, data: sidecar({ title: "DSCN0021.jpg", takenAt: "2008-10-22T15:00:00Z" }) },
      { path: `${P}/Birthday/metadata.json`, data: Buffer.from(JSON.stringify({ title: "Birthday" })) },
      { path: `${P}/Birthday/IMG_1234.JPG`, data: photo("jpg", "xmp", "no_exif.jpg") },
      { path: "Takeout/Drive/Taxes/2023/return.pdf", data: makePdf(["Tax return 2023", "Refund expected"]) },
      { path: "Takeout/Drive/notes.docx", data: makeDocx(["Meeting notes", "Call the plumber"]) },
      { path: "Takeout/Drive/misc/data.csv", data: Buffer.from("a,b\n1,2\n") },
    ],
  };
}

async function assetByName(name: string) {
  return lib.db.asset.findFirstOrThrow({ where: { names: { some: { name } } }, include: { albums: { include: { album: true } }, peopleHints: true, document: true } });
}

beforeAll(async () => {
  lib = await createTestLibrary();
  ({ importTakeout } = await import("@/lib/takeout/import-takeout"));
  partFiles = await writeParts(workDir, parts());
  report = (await importTakeout(lib, partFiles)).report;
  await lib.drain();
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("Takeout import", () => {
  it("merges sidecar metadata with the file's own, by the documented precedence", async () => {
    const dscn10 = await assetByName("DSCN0010.jpg");
    expect(dscn10.capturedAt.toISOString()).toBe("2008-10-22T14:28:39.000Z");
    expect(dscn10.capturedAtSource).toBe("exif-gps-timezone"); // the file's EXIF beats photoTakenTime
    expect(dscn10.latitude).toBeCloseTo(43.4674, 3);
    expect(dscn10.description).toBe("Arezzo"); // from the sidecar in another part (the tgz)
    expect(dscn10.source).toBe("takeout");

    const dscn12 = await assetByName("DSCN0012.jpg");
    expect(dscn12).toMatchObject({ description: "Tuscany hills", favorite: true, origin: "Camera" });
    expect(dscn12.peopleHints.map((p) => p.name).sort()).toEqual(["Alice", "Bob"]);

    const img = await assetByName("IMG_1234.JPG");
    expect(img.capturedAt.toISOString()).toBe("2023-05-01T10:00:00.000Z"); // no EXIF date: photoTakenTime
    expect(img.capturedAtSource).toBe("client");
    expect([img.latitude, img.longitude]).toEqual([48.8584, 2.2945]); // geoData, the file has no GPS
    const indexed = await assetByName("IMG_1234(1).JPG");
    // Canon_40D's EXIF time has no zone and no GPS: photoTakenTime (its "(1)" sidecar) wins.
    expect(indexed.capturedAt.toISOString()).toBe("2023-05-02T10:00:00.000Z");
    const long = await assetByName(LONG);
    expect(long.capturedAt.toISOString()).toBe("2023-01-02T09:10:10.000Z"); // matched through the cut sidecar name
    expect((await assetByName("archived.jpg")).archived).toBe(true);
    expect(await lib.db.asset.count({ where: { names: { some: { name: "trash.jpg" } } } })).toBe(0);
  });

  it("keeps edited copies, linked to their originals", async () => {
    const edited = await assetByName("IMG_1234-edited.JPG");
    const original = await assetByName("IMG_1234.JPG");
    expect(edited.editedFromId).toBe(original.id);
    expect(edited.capturedAt.toISOString()).not.toBe(original.capturedAt.toISOString()); // Nikon_D70 has its own EXIF date
  });

  it("re-creates albums with titles, descriptions, dates and membership, storing shared photos once", async () => {
    const albums = await lib.db.album.findMany({ include: { assets: { include: { asset: { include: { names: true } } } } }, orderBy: { title: "asc" } });
    expect(albums.map((a) => [a.title, a.description, a.date?.toISOString() ?? null, a.assets.map((x) => x.asset.originalName).sort()])).toEqual([
      ["Birthday", null, null, ["IMG_1234.JPG"]],
      [ROME, "Summer trip", "2023-07-22T04:26:40.000Z", ["DSCN0010.jpg", "DSCN0021.jpg"]],
    ]);
    expect(await lib.db.asset.count({ where: { names: { some: { name: "DSCN0010.jpg" } } } })).toBe(1);
  });

  it("imports Drive files with their folders and document text", async () => {
    const pdf = await assetByName("return.pdf");
    expect(pdf).toMatchObject({ kind: "document", folder: "Taxes/2023" });
    expect(pdf.document?.text).toContain("Refund expected");
    const docx = await assetByName("notes.docx");
    expect(docx).toMatchObject({ kind: "document", folder: "", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(docx.document?.text).toBe("Meeting notes\nCall the plumber");
    expect(await assetByName("data.csv")).toMatchObject({ kind: "file", folder: "misc", ext: "csv" });
  });

  it("reports every entry, totals per part adding up, albums checked, and accounted for (custody is the rest of the verdict)", () => {
    const built = parts();
    for (const part of report.parts) {
      const name = path.basename(partFiles.find((f) => path.basename(f) === part.part)!);
      expect(part.entries, name).toBe(built[name]!.length);
      expect(Object.values(part.byKind).reduce((a, b) => a + b, 0)).toBe(part.entries);
    }
    // 14 media/Drive entries: 11 imported, 2 already stored (album copies), 1 trashed; 13 others accounted by kind.
    expect(report.totals).toEqual({ entries: 27, imported: 11, duplicate: 2, updated: 0, skipped: 1, failed: 0, pending: 0 });
    expect(report.items).toHaveLength(14);
    const trash = report.items.find((i) => i.path.endsWith("trash.jpg"))!;
    expect(trash).toMatchObject({ status: "skipped", reason: expect.stringMatching(/trash/) });
    const dup = report.items.find((i) => i.path.endsWith(`${ROME.normalize("NFD")}/DSCN0010.jpg`))!;
    const first = report.items.find((i) => i.path.endsWith("Photos from 2008/DSCN0010.jpg"))!;
    expect(dup).toMatchObject({ status: "duplicate", assetId: first.assetId, sha256: first.sha256 });
    expect(report.unmatchedMedia).toEqual([`takeout-20240101T000000Z-003.zip/${P}/Birthday/IMG_1234.JPG`]);
    expect(report.albums.map((a) => [a.title, a.expected, a.present])).toEqual(expect.arrayContaining([[ROME, 2, 2], ["Birthday", 1, 1]]));
    expect(report.accounted).toBe(true);
    expect(report.importBlockers).toEqual([]);
    // Custody is the rest of the verdict (tests/integration/takeout-custody.test.ts): no backup off this disk yet.
    expect(report.safeToDelete).toBe(false);
    expect(report.blockers).toEqual([expect.stringMatching(/^imported and verified, not yet backed up off this disk \(11 originals\)/)]);
  });

  it("re-running skips what already landed", async () => {
    const before = await lib.db.asset.count();
    const again = (await importTakeout(lib, partFiles)).report;
    expect(await lib.db.asset.count()).toBe(before);
    expect(again.totals).toMatchObject({ imported: 0, duplicate: 13, skipped: 1, failed: 0 });
    expect(again.accounted).toBe(true);
  });

  it("resumes an interrupted import where it stopped", async () => {
    await lib.db.asset.deleteMany();
    await lib.db.album.deleteMany();
    let seen = 0;
    await expect(
      importTakeout(lib, partFiles, {}, (p) => {
        if (p.entriesDone > 0) seen += 1;
        if (seen === 5) throw new Error("power cut");
      }),
    ).rejects.toThrow("power cut");
    const run = await lib.db.importRun.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(run.status).toBe("importing");
    const done = await lib.db.importEntry.count({ where: { runId: run.id, status: { in: ["imported", "duplicate"] } } });
    expect(done).toBeGreaterThan(0);
    const resumed = await importTakeout(lib, partFiles);
    expect(resumed.runId).toBe(run.id);
    expect(resumed.report.totals).toMatchObject({ failed: 0, pending: 0 });
    expect(resumed.report.accounted).toBe(true);
  });
});
