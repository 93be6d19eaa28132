// Custody scenarios "purge vs re-upload" and "purge vs backup" (issue 12 point 0), with the real
// `npm start` (supervisor, server, worker). Hundreds of trashed photos are purged — by the server
// (empty the trash) and by another process running the worker's automatic purge — while the same
// bytes are uploaded again over HTTP: every 2xx answer must have its row and its file on disk,
// with the right SHA-256, afterwards. A backup racing an empty-trash purge must find every
// original its database snapshot lists.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnApp, type AppProcess } from "../support/app-process";
import { multipart, request } from "../support/http-client";

const N = 300;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-purge-race-"));
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-purge-race-backup-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0" };
let app: AppProcess;

beforeAll(async () => {
  app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
});
afterAll(async () => {
  await app?.stop();
  for (const dir of [dataDir, backupDir]) fs.rmSync(dir, { recursive: true, force: true });
});

async function photos(round: number): Promise<Buffer[]> {
  return Promise.all(
    Array.from({ length: N }, (_, i) => {
      const raw = Buffer.alloc(24 * 24 * 3);
      let x = (round * 1_000_003 + i * 2654435761) >>> 0;
      for (let j = 0; j < raw.length; j += 1) {
        x = (x * 1103515245 + 12345) >>> 0;
        raw[j] = x >>> 24;
      }
      return sharp(raw, { raw: { width: 24, height: 24, channels: 3 } }).jpeg().toBuffer();
    }),
  );
}

/** A JSON request (with its Content-Length: Node sends a DELETE body without one otherwise). */
function sendJson(method: string, urlPath: string, value: unknown) {
  const body = Buffer.from(JSON.stringify(value));
  return request(app.port, { method, path: urlPath, headers: { "content-type": "application/json", "content-length": String(body.length) }, body });
}

type Answer = { sha256: string; status: number; body: { status?: string; assetId?: string } };

/** Uploads every photo (`concurrency` at a time) and returns the answers. */
async function uploadAll(data: Buffer[], concurrency = 6): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < data.length) {
        const i = next++;
        const { body, contentType } = multipart(`p${i}.jpg`, data[i]!);
        const reply = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
        answers.push({ sha256: createHash("sha256").update(data[i]!).digest("hex"), status: reply.status, body: reply.json() });
      }
    }),
  );
  return answers;
}

async function uploadAndTrash(data: Buffer[]): Promise<void> {
  const answers = await uploadAll(data);
  expect(answers.every((a) => a.status === 201)).toBe(true);
  const patch = await sendJson("PATCH", "/api/assets", { ids: answers.map((a) => a.body.assetId), trashed: true });
  expect(patch.status).toBe(200);
}

/** Every acknowledged upload: a row with that id and hash, not trashed, and its original on disk with that SHA-256. */
function lostAcknowledgements(answers: Answer[]): string[] {
  const db = new Database(path.join(dataDir, "albums.db"), { readonly: true, timeout: 15_000 });
  try {
    const row = db.prepare(`SELECT id, ext, trashedAt FROM "Asset" WHERE sha256 = ?`);
    const lost: string[] = [];
    for (const answer of answers.filter((a) => a.status >= 200 && a.status < 300)) {
      const asset = row.get(answer.sha256) as { id: string; ext: string; trashedAt: unknown } | undefined;
      const file = path.join(dataDir, "originals", answer.sha256.slice(0, 2), answer.sha256.slice(2, 4), `${answer.sha256}.${asset?.ext ?? "jpg"}`);
      const onDisk = fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
      if (!asset || asset.id !== answer.body.assetId || asset.trashedAt !== null || onDisk !== answer.sha256) lost.push(`${answer.body.status} ${answer.sha256}: row ${asset ? "ok" : "gone"}, file ${onDisk === answer.sha256 ? "ok" : onDisk ? "wrong hash" : "missing"}`);
    }
    return lost;
  } finally {
    db.close();
  }
}

describe("purge vs re-upload of the same bytes", () => {
  it("empty-trash in the server: every 2xx answer keeps its row and file", async () => {
    const data = await photos(1);
    await uploadAndTrash(data);
    const reuploads = uploadAll(data, 8);
    const purge = sendJson("DELETE", "/api/trash", { all: true });
    const [answers, purged] = await Promise.all([reuploads, purge]);
    expect(purged.status).toBe(200);
    expect(answers.filter((a) => a.status >= 200 && a.status < 300)).toHaveLength(N);
    expect(lostAcknowledgements(answers)).toEqual([]);
  }, 300_000);

  it("the automatic purge in another process (as the worker runs it): every 2xx answer keeps its row and file", async () => {
    const data = await photos(2);
    await uploadAndTrash(data);
    const { openDb } = await import("@/lib/server/db");
    const { libraryPaths } = await import("@/lib/server/paths");
    const { purgeTrash } = await import("@/lib/assets/purge-trash");
    const db = await openDb(path.join(dataDir, "albums.db"));
    try {
      const reuploads = uploadAll(data, 8);
      const purge = purgeTrash({ db, paths: libraryPaths(dataDir) }, { trashedBefore: new Date(Date.now() + 86_400_000) });
      const [answers] = await Promise.all([reuploads, purge]);
      expect(answers.filter((a) => a.status >= 200 && a.status < 300)).toHaveLength(N);
      expect(lostAcknowledgements(answers)).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  }, 300_000);
});

describe("purge vs backup", () => {
  it("a backup taken while the trash is emptied finds every original its snapshot lists", async () => {
    const data = await photos(3);
    await uploadAndTrash(data);
    const { createBackup } = await import("@/lib/backup/create-backup");
    const { libraryPaths } = await import("@/lib/server/paths");
    const results: Awaited<ReturnType<typeof createBackup>>[] = [];
    let purging = true;
    const backups = (async () => {
      for (let i = 0; purging || i < 2; i += 1) results.push(await createBackup(libraryPaths(dataDir), backupDir, 1000, new Date(Date.now() + i * 1000)));
    })();
    await new Promise((r) => setTimeout(r, 50)); // the first snapshot lists the trashed photos
    const purged = await sendJson("DELETE", "/api/trash", { all: true });
    purging = false;
    await backups;
    expect(purged.json()).toMatchObject({ purged: N });
    expect(results[0]!.assets).toBeGreaterThanOrEqual(N);
    // `missing` lists rows of the snapshot whose file was not found: acceptable only for rows the snapshot lacks, i.e. never.
    expect(results.map((r) => r.missing)).toEqual(results.map(() => []));
    // The purge left what it moved while a backup held the graveyard; the next settle (maintenance tick) unlinks it.
    const { openDb } = await import("@/lib/server/db");
    const { settleGraveyard } = await import("@/lib/custody/settle-graveyard");
    const db = await openDb(path.join(dataDir, "albums.db"));
    try {
      expect(await settleGraveyard(db, libraryPaths(dataDir))).toMatchObject({ restored: 0, held: false });
    } finally {
      await db.$disconnect();
    }
    expect(fs.readdirSync(path.join(dataDir, "graveyard"))).toEqual([]);
  }, 300_000);
});
