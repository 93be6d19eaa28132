// WebDAV at /dav/ of the real server process (scripts/serve.ts) with real clients:
// Debian's litmus suite (basic, copymove, props, locks must all pass), an rclone round trip of a
// mixed tree (fixture photos, text, binary, unicode names, an empty file, nested folders) that
// comes back byte-identical and sits in the Files tree, and the HTTP details clients rely on
// (auth challenge, a revoked token refused at once, ranges, versions on overwrite, percent-encoded
// names). Where this runs as root with FUSE, a davfs2 mount writes and lists the tree like a
// desktop would. Last, repeated wrong credentials from one address are answered 429.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenHash } from "@/lib/auth/sessions";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { DAV_FAILED_LOGINS } from "@/lib/webdav/dav-auth";
import { filesUnder, spawnApp, type AppProcess } from "../support/app-process";
import { request } from "../support/http-client";
import { sharedPath } from "../support/shared";

const TOKEN = "dav-test-token-0123456789abcdef";
const AUTH = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString("base64")}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-dav-"));
const dataDir = path.join(work, "data");
let app: AppProcess;

beforeAll(async () => {
  fs.mkdirSync(dataDir);
  const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: TOKEN, ALBUMS_OWNER: "" };
  await prepareLibrary(parseConfig(env), createLogger("test", "error"));
  app = await spawnApp("serve", env);
}, 180_000);
afterAll(async () => {
  await app?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const canMount = process.getuid?.() === 0 && fs.existsSync("/dev/fuse") && fs.existsSync("/usr/sbin/mount.davfs");

const dav = (method: string, target: string, headers: Record<string, string> = {}, body?: Buffer | string) =>
  request(app.port, { method, path: target, headers: { authorization: AUTH, ...headers }, ...(body !== undefined ? { body } : {}) });
const basic = (password: string) => `Basic ${Buffer.from(`me:${password}`).toString("base64")}`;
const withDb = <T>(work: (db: Database.Database) => T): T => {
  const db = new Database(path.join(dataDir, "albums.db"));
  try {
    return work(db);
  } finally {
    db.close();
  }
};

describe("WebDAV at /dav/", () => {
  it("asks for Basic credentials (an API token as the password) and answers OPTIONS with DAV 1, 2", async () => {
    const anonymous = await request(app.port, { method: "PROPFIND", path: "/dav/", headers: { depth: "0" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toMatch(/^Basic realm="Albums"/);
    const wrong = await request(app.port, { method: "PROPFIND", path: "/dav/", headers: { depth: "0", authorization: `Basic ${Buffer.from("x:wrong-token").toString("base64")}` } });
    expect(wrong.status).toBe(401);
    const options = await request(app.port, { method: "OPTIONS", path: "/dav/" });
    expect(options.status).toBe(200);
    expect(options.headers.dav).toBe("1, 2");
    expect((await dav("PROPFIND", "/dav", { depth: "0" })).status).toBe(207);
  });

  it("accepts a token minted in settings until it is revoked, then refuses it at once", async () => {
    const minted = "alb_minted-token-for-webdav-0123456789";
    const now = new Date().toISOString().replace("Z", "+00:00");
    withDb((db) => db.prepare(`INSERT INTO "ApiToken" (id, name, tokenHash, prefix, createdAt) VALUES ('t1', 'laptop', ?, 'alb_mint', ?)`).run(tokenHash(minted), now));
    const propfind = () => request(app.port, { method: "PROPFIND", path: "/dav/", headers: { depth: "0", authorization: basic(minted) } });
    expect((await propfind()).status).toBe(207);
    expect((await propfind()).status).toBe(207);
    // What revokeApiToken (Settings → API tokens) writes.
    withDb((db) => db.prepare(`UPDATE "ApiToken" SET revokedAt = ? WHERE id = 't1'`).run(now));
    expect((await propfind()).status).toBe(401);
  });

  it("passes litmus: basic, copymove, props and locks", () => {
    const cwd = path.join(work, "litmus");
    fs.mkdirSync(cwd);
    let output: string;
    try {
      output = execFileSync("litmus", ["-k", `http://127.0.0.1:${app.port}/dav/`, "anyone", TOKEN], { cwd, env: { ...process.env, TESTS: "basic copymove props locks" }, encoding: "utf8", timeout: 60_000 });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const summaries: Record<string, { run: number; failed: number }> = Object.fromEntries([...output.matchAll(/summary for `(\w+)': of (\d+) tests run: (\d+) passed, (\d+) failed/g)].map((m) => [m[1], { run: Number(m[2]), failed: Number(m[4]) }]));
    expect(Object.keys(summaries), output).toEqual(["basic", "copymove", "props", "locks"]);
    for (const [group, result] of Object.entries(summaries)) {
      expect(result.failed, `${group}:\n${output}`).toBe(0);
      expect(result.run).toBeGreaterThan(10);
    }
  }, 90_000);

  it("round-trips a mixed tree through rclone byte for byte, into the Files tree", () => {
    const up = path.join(work, "up");
    const files: Record<string, Buffer> = {
      "photos/Canon_40D.jpg": fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")),
      "photos/screenshot.png": fs.readFileSync(sharedPath("fixtures", "text", "screenshot_synthetic.png")),
      "Taxes 2024/été/naïve café.txt": Buffer.from("Formulaire 2042 — déclaration\n"),
      "Taxes 2024/日本語 メモ.md": Buffer.from("# 見出し\n本文\n"),
      "Taxes 2024/empty.txt": Buffer.alloc(0),
      "a/b/c/deep.bin": randomBytes(300_000),
      "notes #1 & 100%.csv": Buffer.from("a,b\n1,2\n"),
    };
    for (const [name, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(up, name)), { recursive: true });
      fs.writeFileSync(path.join(up, name), data);
    }
    const remote = ["--config", "/dev/null", "--webdav-url", `http://127.0.0.1:${app.port}/dav/`, "--webdav-user", "anyone", "--webdav-pass", execFileSync("rclone", ["obscure", TOKEN], { encoding: "utf8" }).trim(), "--low-level-retries", "1", "--retries", "1"];
    execFileSync("rclone", ["copy", up, ":webdav:tree", ...remote], { encoding: "utf8", timeout: 60_000 });
    const down = path.join(work, "down");
    execFileSync("rclone", ["copy", ":webdav:tree", down, ...remote], { encoding: "utf8", timeout: 60_000 });
    expect(filesUnder(down)).toEqual(Object.keys(files).sort());
    for (const [name, data] of Object.entries(files)) expect(fs.readFileSync(path.join(down, name)).equals(data), name).toBe(true);
    const db = new Database(path.join(dataDir, "albums.db"), { readonly: true });
    try {
      const placed = db.prepare(`SELECT e.name, f.name AS folder FROM "FileEntry" e JOIN "Folder" f ON f.id = e.folderId WHERE e.trashedAt IS NULL AND e.name IN ('naïve café.txt', 'empty.txt', 'deep.bin')`).all();
      expect(placed).toEqual(expect.arrayContaining([{ name: "naïve café.txt", folder: "été" }, { name: "empty.txt", folder: "Taxes 2024" }, { name: "deep.bin", folder: "c" }]));
    } finally {
      db.close();
    }
  }, 120_000);

  it("answers ranges, keeps the old content as a version on overwrite, and encodes names both ways", async () => {
    expect((await dav("MKCOL", "/dav/Docs%20%C3%A9t%C3%A9")).status).toBe(201);
    const first = await dav("PUT", "/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt", {}, "0123456789");
    expect(first.status).toBe(201);
    const second = await dav("PUT", "/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt", {}, "abcdefghij");
    expect(second.status).toBe(204);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    const part = await dav("GET", "/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt", { range: "bytes=2-4" });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe("cde");
    expect((await dav("GET", "/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt", { range: "bytes=2-4", "if-range": first.headers.etag as string })).status).toBe(200);
    const listing = (await dav("PROPFIND", "/dav/Docs%20%C3%A9t%C3%A9/", { depth: "1" })).body.toString();
    expect(listing).toContain("<D:href>/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt</D:href>");
    expect(listing).toContain("<D:displayname>résumé.txt</D:displayname>");
    expect((await dav("PROPFIND", "/dav/", { depth: "infinity" })).status).toBe(403);
    const db = new Database(path.join(dataDir, "albums.db"), { readonly: true });
    try {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "FileVersion" v JOIN "FileEntry" e ON e.id = v.entryId WHERE e.name = 'résumé.txt'`).get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    expect((await dav("DELETE", "/dav/Docs%20%C3%A9t%C3%A9/")).status).toBe(204);
    expect((await dav("GET", "/dav/Docs%20%C3%A9t%C3%A9/r%C3%A9sum%C3%A9.txt")).status).toBe(404);
  });

  it.skipIf(!canMount)("mounts with davfs2: folders, files and an empty file written through the mount, listed and read back", async () => {
    const mountPoint = path.join(work, "mnt");
    fs.mkdirSync(mountPoint);
    // buf_size 64: davfs2 1.7's directory reads fail with EINVAL on Linux ≥ 6.16 with its default (davfs2 issue #22).
    fs.writeFileSync(path.join(work, "davfs2.conf"), "buf_size 64\nask_auth 0\n");
    const secrets = path.join(work, "secrets");
    fs.writeFileSync(secrets, `http://127.0.0.1:${app.port}/dav/ anyone ${TOKEN}\n`, { mode: 0o600 });
    fs.appendFileSync(path.join(work, "davfs2.conf"), `secrets ${secrets}\n`);
    execFileSync("mount.davfs", ["-o", `rw,conf=${path.join(work, "davfs2.conf")}`, `http://127.0.0.1:${app.port}/dav/`, mountPoint], { timeout: 30_000, stdio: "ignore" });
    const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg"));
    try {
      fs.mkdirSync(path.join(mountPoint, "mounted été"));
      fs.writeFileSync(path.join(mountPoint, "mounted été", "note.txt"), "written through davfs2\n");
      fs.writeFileSync(path.join(mountPoint, "mounted été", "photo.jpg"), photo);
      fs.writeFileSync(path.join(mountPoint, "mounted été", "empty"), "");
      expect(fs.readdirSync(path.join(mountPoint, "mounted été")).sort()).toEqual(["empty", "note.txt", "photo.jpg"]);
    } finally {
      execFileSync("umount", [mountPoint], { timeout: 60_000, stdio: "ignore" }); // waits for davfs2 to upload what it cached
    }
    const base = "/dav/mounted%20%C3%A9t%C3%A9";
    expect((await dav("GET", `${base}/note.txt`)).body.toString()).toBe("written through davfs2\n");
    expect((await dav("GET", `${base}/photo.jpg`)).body.equals(photo)).toBe(true);
    const empty = await dav("GET", `${base}/empty`);
    expect([empty.status, empty.body.length]).toEqual([200, 0]);
  }, 120_000);

  // Last: it fills this machine's (loopback's) bucket for the rest of the window.
  it("answers 429 with Retry-After once one address sent wrong credentials too often, without checking them", async () => {
    const wrong = () => request(app.port, { method: "PROPFIND", path: "/dav/", headers: { depth: "0", authorization: basic("guess") } });
    const statuses: number[] = [];
    for (let i = 0; i < DAV_FAILED_LOGINS.attempts; i += 1) statuses.push((await wrong()).status);
    // Two wrong ones came earlier (the first test's, the revoked token's).
    const left = DAV_FAILED_LOGINS.attempts - 2;
    expect(statuses).toEqual([...Array<number>(left).fill(401), 429, 429]);
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(DAV_FAILED_LOGINS.windowMs / 1000);
    // Even the right token waits (no guessing past the limit); a client without credentials is still challenged.
    expect((await dav("PROPFIND", "/dav/", { depth: "0" })).status).toBe(429);
    expect((await request(app.port, { method: "PROPFIND", path: "/dav/", headers: { depth: "0" } })).status).toBe(401);
  });
});
