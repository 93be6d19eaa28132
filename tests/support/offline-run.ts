// Runs inside a network namespace with no route out (see tests/e2e/zero-egress.test.ts): starts
// Albums, ingests photos (JPEG, HEIC), a video and a PDF, lets the worker finish every job, runs a
// backup and a Takeout import, and prints a JSON summary including the egress counter.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getJson, spawnApp, uploadSlowly } from "./app-process";
import { request } from "./http-client";
import { sidecar, writeParts } from "./takeout-builder";
import { makeDocx } from "./zip-writer";
import { makePdf } from "./make-pdf";
import { makeVideo } from "./media";
import { sharedPath } from "./shared";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-offline-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_DIR: path.join(dataDir, "..", `${path.basename(dataDir)}-backup`) };
const app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
const summary: Record<string, unknown> = {};
try {
  const files: [string, Buffer][] = [
    ["DSCN0010.jpg", fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0010.jpg"))],
    ["IMG_5195.HEIC", fs.readFileSync(sharedPath("fixtures", "photos", "heic", "IMG_5195.HEIC"))],
    ["page.png", fs.readFileSync(sharedPath("fixtures", "text", "page.png"))],
    ["clip.mp4", makeVideo("mp4")],
    ["doc.pdf", makePdf(["Offline document"])],
  ];
  const statuses = [];
  for (const [name, data] of files) statuses.push(((await uploadSlowly(app.port, name, data, { pauseMs: 0 })) as { status: number }).status);
  summary.uploads = statuses;
  const deadline = Date.now() + 120_000;
  let health = (await getJson(app.port, "/api/health")).body;
  while ((health.jobs.pending > 0 || health.jobs.running > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    health = (await getJson(app.port, "/api/health")).body;
  }
  const items = (await getJson(app.port, "/api/assets?limit=50")).body.items as { decodeState: string; thumbnails: { sm: boolean } }[];
  summary.assets = items.length;
  summary.thumbnailsReady = items.filter((i) => i.thumbnails.sm && i.decodeState === "ok").length;
  summary.backup = execFileSync("npm", ["run", "--silent", "backup"], { env: { ...process.env, ...env }, cwd: path.resolve(import.meta.dirname, "../..") }).toString().trim();
  // A Takeout import through the CLI, while the server runs, and its report page.
  const [part] = await writeParts(path.join(dataDir, "..", `${path.basename(dataDir)}-takeout`), {
    "takeout-001.zip": [
      { path: "Takeout/Google Photos/Trip/DSCN0012.jpg", data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0012.jpg")) },
      { path: "Takeout/Google Photos/Trip/DSCN0012.jpg.json", data: sidecar({ title: "DSCN0012.jpg", takenAt: "2008-10-22T16:00:00Z" }) },
      { path: "Takeout/Drive/notes.docx", data: makeDocx(["offline"]) },
    ],
  });
  // Exit 3: every item accounted for, the backup (beside the data here) not off this disk.
  const cli = spawnSync("npm", ["run", "--silent", "import:takeout", "--", part!], { env: { ...process.env, ...env }, cwd: path.resolve(import.meta.dirname, "../..") });
  const imported = cli.stdout.toString();
  summary.takeout = cli.status === 3 && /imported and verified, not yet backed up off this disk/.test(imported);
  const runId = /api\/imports\/([0-9a-f-]+)/.exec(imported)?.[1];
  summary.reportPage = (await getText(app.port, `/imports/${runId}`)).includes("Not safe to delete from Google yet: imported and verified, not yet backed up off this disk");
  fs.rmSync(path.dirname(part!), { recursive: true, force: true });
  summary.health = (await getJson(app.port, "/api/health")).body;
} finally {
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(env.ALBUMS_BACKUP_DIR, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(summary)}\n`);

async function getText(port: number, urlPath: string): Promise<string> {
  return (await request(port, { path: urlPath })).body.toString("utf8");
}
