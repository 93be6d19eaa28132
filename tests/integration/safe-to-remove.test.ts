// POST /api/ingest/safe-to-remove on a real library: what the phone's "Free up space" may delete.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordBackedUp, recordVerified } from "@/lib/backup/backup-coverage";
import { sha256 } from "../support/pwa-browser";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

const TOKEN = "t".repeat(40);
const OWNER = { "tailscale-user-login": "me@example.com", "sec-fetch-site": "same-origin" };
const REPOSITORY = "rest:http://backup.example:8000/albums";
let lib: TestLibrary;
let routes: { ingest: typeof import("@/app/api/ingest/route"); safe: typeof import("@/app/api/ingest/safe-to-remove/route") };
const photos = ["Canon_40D.jpg", "Nikon_D70.jpg", "Kodak_CX7530.jpg"].map((name) => fs.readFileSync(sharedPath("fixtures", "photos", "jpg", name)));
const [kept, backedUp, trashed] = photos.map(sha256) as [string, string, string];
const absent = "0".repeat(64);

async function ask(headers: Record<string, string> = OWNER) {
  const res = await lib.call(routes.safe.POST, { url: "/api/ingest/safe-to-remove", method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ sha256: [kept, backedUp, trashed, absent] }) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_API_TOKEN: TOKEN, ALBUMS_OWNER: "me@example.com", ALBUMS_BACKUP_REPOSITORY: REPOSITORY, ALBUMS_BACKUP_PASSWORD_FILE: "/nonexistent/restic-password" });
  routes = { ingest: await import("@/app/api/ingest/route"), safe: await import("@/app/api/ingest/safe-to-remove/route") };
  for (const [i, data] of photos.entries()) {
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `p${i}.jpg`, data }), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(201);
  }
  await lib.db.asset.update({ where: { sha256: trashed }, data: { trashedAt: new Date() } });
});

afterAll(async () => lib?.cleanup());

describe("safe to remove from the phone", () => {
  it("without a verified off-box backup: what the box holds (not in the trash), with a warning", async () => {
    const { status, body } = await ask();
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: "box-only", waiting: 0, verifiedAt: null, warning: expect.stringContaining("No verified backup off the box") });
    expect(body.safe.sort()).toEqual([kept, backedUp].sort());
  });

  it("with a verified off-box backup: only what it covers; an original that failed its file check is never safe", async () => {
    await recordBackedUp(lib.paths, { kind: "restic", target: "rest:http://backup.example:8000/albums", snapshot: "s1", takenAt: new Date(Date.now() - 60_000).toISOString(), hashes: [backedUp, trashed, absent] });
    await recordVerified(lib.paths, "restic", new Date());
    expect((await ask()).body).toMatchObject({ mode: "verified-backup", safe: [backedUp], waiting: 1, warning: null });
    await lib.db.asset.update({ where: { sha256: backedUp }, data: { fileState: "corrupt" } });
    expect((await ask()).body).toMatchObject({ safe: [], waiting: 1 });
  });

  it("is for the owner, not for a script's API token", async () => {
    expect((await ask({ authorization: `Bearer ${TOKEN}` })).status).toBe(403);
  });
});
