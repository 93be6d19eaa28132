// RELIABILITY (hardening 2, 7, 9, 10, 12, 14, 15) against the real app (`npm start`: boot,
// server, worker) over HTTP on loopback: oversized and chunked JSON bodies refused early with the
// server's memory bounded, slow bodies cut, a stalled resumable chunk released, DNS-rebound host
// names refused before routing, files private whatever the umask, a planted cookie ignored, and
// Cross-Origin-Resource-Policy on originals, thumbnails and API answers. Loops are bounded.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { libraryPaths } from "@/lib/server/paths";
import { preparePassphraseLibrary } from "../support/passphrase-library";
import { filesUnder, spawnApp, type AppProcess } from "../support/app-process";
import { multipart, request } from "../support/http-client";

const OWNER = "me@example.com";
const TOKEN = "e2e-token-0123456789abcdef012345";
const PASSPHRASE = "correct horse battery staple";
const IDLE_SECONDS = 2;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-hard-"));
const env = {
  ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: OWNER, ALBUMS_API_TOKEN: TOKEN, ALBUMS_REQUEST_IDLE_SECONDS: String(IDLE_SECONDS),
  ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_BACKUP_DIR: path.join(dataDir, "..", `${path.basename(dataDir)}-backups`),
};
const paths = libraryPaths(parseConfig(env).dataDir);
const bearer = { authorization: `Bearer ${TOKEN}` };
let app: AppProcess;
let assetId = "";

/** The server process under the supervisor. */
function serverPid(): number {
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(app.child.pid)]).toString().split("\n").map((l) => Number(l.trim())).filter(Boolean);
  const pid = children.find((p) => fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes("scripts/serve.ts"));
  if (!pid) throw new Error("no server process");
  return pid;
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const mode = (p: string) => fs.statSync(p).mode & 0o777;

/**
 * Streams up to `total` bytes of body (chunked unless a Content-Length is given) until the server
 * answers; how many bytes were written and the answer's status line (or the socket error).
 */
function streamUntilAnswered(urlPath: string, headers: Record<string, string | number>, total: number, method = "POST"): Promise<{ reply: string; written: number }> {
  return new Promise((resolve) => {
    const declared = "content-length" in headers;
    const lines = Object.entries({ host: "127.0.0.1", "content-type": "application/json", ...(declared ? {} : { "transfer-encoding": "chunked" }), ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    const body = Buffer.alloc(64 * 1024, 0x20);
    const chunk = declared ? body : Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n")]);
    let written = 0;
    let reply = "";
    let finished = false;
    const socket = net.connect(app.port, "127.0.0.1");
    const finish = (why: string) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ reply: reply.split("\r\n")[0] || why, written });
    };
    socket.on("data", (d) => {
      reply += d.toString("latin1");
      if (reply.includes("\r\n\r\n")) finish("answered");
    });
    socket.on("error", (error) => finish(error.message));
    socket.on("close", () => finish("closed without an answer"));
    const pump = () => {
      while (!finished && reply === "" && written < total) {
        written += body.length;
        if (!socket.write(chunk)) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    socket.write(`${method} ${urlPath} HTTP/1.1\r\n${lines.join("")}\r\n`);
    pump();
  });
}

/** Opens a raw connection, sends `head` (and `body`), then sends only what `trickle` returns each second; resolves with the ms until the server closed it. */
function heldSocket(head: string, body: Buffer, limitMs: number, trickle?: () => string | null): Promise<{ closedAfterMs: number | null; reply: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let reply = "";
    const socket = net.connect(app.port, "127.0.0.1", () => socket.write(Buffer.concat([Buffer.from(head), body])));
    const timer = trickle ? setInterval(() => {
      const more = trickle();
      if (more !== null && !socket.destroyed) socket.write(more);
    }, 1_000) : null;
    const giveUp = setTimeout(() => finish(null), limitMs);
    const finish = (closedAfterMs: number | null) => {
      clearTimeout(giveUp);
      if (timer) clearInterval(timer);
      socket.destroy();
      resolve({ closedAfterMs, reply });
    };
    socket.on("data", (d) => (reply += d.toString("latin1")));
    socket.on("close", () => finish(Date.now() - started));
    socket.on("error", () => {});
  });
}

beforeAll(async () => {
  // A library made by an older version under umask 022: world-readable, as the review found it.
  process.umask(0o022);
  await preparePassphraseLibrary(env, PASSPHRASE);
  fs.chmodSync(dataDir, 0o755);
  fs.chmodSync(paths.database, 0o644);
  app = await spawnApp("start", env);
  const photo = await sharp({ create: { width: 160, height: 120, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();
  const { body, contentType } = multipart("holiday.jpg", photo);
  const uploaded = await request(app.port, { method: "POST", path: "/api/ingest", headers: { ...bearer, "content-type": contentType }, body });
  expect(uploaded.status).toBe(201);
  assetId = uploaded.json().assetId as string;
});

afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(env.ALBUMS_BACKUP_DIR, { recursive: true, force: true });
});

describe("hardening 2: JSON bodies are bounded while they stream", () => {
  it("answers a chunked 200 MiB login body with 413 after a few MiB at most, the server's memory flat", async () => {
    const pid = serverPid();
    const before = rssMiB(pid);
    // A client that keeps sending after the answer may get the connection reset before it reads
    // the 413 (the server closes with the client's bytes still unread: the kernel resets): either
    // way it was cut after a few MiB at most.
    const cut = ["HTTP/1.1 413 Payload Too Large", "write EPIPE", "read ECONNRESET", "write ECONNRESET"];
    const chunked = await streamUntilAnswered("/api/auth/login", {}, 200 * 1024 * 1024);
    expect(cut).toContain(chunked.reply);
    expect(chunked.written).toBeLessThan(32 * 1024 * 1024);
    const declared = await streamUntilAnswered("/api/auth/login", { "content-length": 200 * 1024 * 1024 }, 200 * 1024 * 1024);
    expect(cut).toContain(declared.reply);
    expect(declared.written).toBeLessThan(32 * 1024 * 1024);
    // A client that waits after the headers always reads the 413: it comes before any body is read.
    expect((await streamUntilAnswered("/api/auth/login", { "content-length": 200 * 1024 * 1024 }, 0)).reply).toBe("HTTP/1.1 413 Payload Too Large");
    const list = await streamUntilAnswered("/api/assets", bearer, 200 * 1024 * 1024, "PATCH");
    expect(cut).toContain(list.reply);
    expect(list.written).toBeLessThan(32 * 1024 * 1024);
    expect(rssMiB(pid) - before).toBeLessThan(64);
    expect((await request(app.port, { path: "/api/health" })).status).toBe(200);
  });
});

describe("hardening 9: slow bodies are cut", () => {
  it("closes 100 silent anonymous login bodies within the idle limit", async () => {
    const head = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    const held = await Promise.all(Array.from({ length: 100 }, () => heldSocket(head, Buffer.from("{"), 20_000)));
    const closed = held.map((h) => h.closedAfterMs);
    expect(closed.every((ms) => ms !== null && ms < IDLE_SECONDS * 1000 + 6_000), JSON.stringify(closed)).toBe(true);
  });

  it("closes 50 connections whose headers never finish within the 15 s header deadline", async () => {
    const held = await Promise.all(Array.from({ length: 50 }, () => heldSocket("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n", Buffer.alloc(0), 30_000, () => "X-Slow: 1\r\n")));
    const closed = held.map((h) => h.closedAfterMs);
    expect(closed.every((ms) => ms !== null && ms < 15_000 + 5_000), JSON.stringify(closed)).toBe(true);
  });

  it("answers 408 to login bodies that trickle a byte a second", async () => {
    const head = "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    const held = await Promise.all(Array.from({ length: 20 }, () => heldSocket(head, Buffer.from("{"), 25_000, () => " ")));
    for (const h of held) {
      expect(h.closedAfterMs).not.toBeNull();
      expect(h.closedAfterMs!).toBeLessThan(18_000);
      expect(h.reply).toMatch(/^HTTP\/1\.1 408/);
    }
  });

  it("releases a resumable chunk that stalls, reporting the bytes that arrived", async () => {
    const size = 100 * 1024;
    const created = await request(app.port, { method: "POST", path: "/api/uploads", headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify({ name: "stall.bin", size }) });
    const { id } = created.json() as { id: string };
    const head = `PATCH /api/uploads/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: ${size}\r\n\r\n`;
    const stalled = heldSocket(head, Buffer.alloc(40 * 1024, 1), 20_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const during = await request(app.port, { method: "HEAD", path: `/api/uploads/${id}`, headers: bearer });
    expect(during.headers["upload-offset"]).toBe(String(40 * 1024));
    expect((await stalled).closedAfterMs).toBeLessThan(IDLE_SECONDS * 1000 + 6_000);
    const resumed = await request(app.port, { method: "PATCH", path: `/api/uploads/${id}`, headers: { ...bearer, "upload-offset": String(40 * 1024) }, body: Buffer.alloc(size - 40 * 1024, 2) });
    expect(resumed.status).toBe(204);
    expect(resumed.headers["upload-offset"]).toBe(String(size));
  });
});

describe("hardening 7: DNS rebinding", () => {
  it("refuses host names the box does not answer to with 421, before any routing", async () => {
    const rebound = { host: "rebind.evil.example", origin: "http://rebind.evil.example", "tailscale-user-login": OWNER, "content-type": "application/json" };
    const minted = await request(app.port, { method: "POST", path: "/api/admin/tokens", headers: rebound, body: JSON.stringify({ name: "evil" }) });
    expect(minted.status).toBe(421);
    expect((await request(app.port, { path: "/api/health", headers: { host: "rebind.evil.example:3000" } })).status).toBe(421);
    expect((await request(app.port, { path: "/api/health", headers: { "x-forwarded-host": "rebind.evil.example" } })).status).toBe(421);
    expect((await request(app.port, { path: "/", headers: { host: "rebind.evil.example" } })).status).toBe(421);
    const list = await request(app.port, { path: "/api/admin/tokens", headers: { "tailscale-user-login": OWNER } });
    expect(list.json().tokens).toEqual([]);
    for (const host of ["localhost:3000", "127.0.0.1", "box.tail1234.ts.net"]) {
      expect((await request(app.port, { path: "/api/health", headers: { host } })).status, host).toBe(200);
    }
  });
});

describe("hardening 10, 14, 15", () => {
  it("searches for constructor and __proto__", async () => {
    for (const q of ["constructor", "__proto__", "last constructor 2020"]) {
      expect((await request(app.port, { path: `/api/search?q=${encodeURIComponent(q)}`, headers: bearer })).status, q).toBe(200);
    }
  });

  it("keeps a signed-in browser signed in when a bogus __Host- cookie comes first", async () => {
    const login = await request(app.port, { method: "POST", path: "/api/auth/login", headers: { "content-type": "application/json" }, body: JSON.stringify({ passphrase: PASSPHRASE }) });
    expect(login.status).toBe(200);
    const token = /albums-session=([^;]+)/.exec(String(login.headers["set-cookie"]))![1]!;
    const res = await request(app.port, { path: "/api/assets", headers: { cookie: `__Host-albums-session=planted; albums-session=${token}` } });
    expect(res.status).toBe(200);
  });

  it("sends Cross-Origin-Resource-Policy: same-origin on originals, thumbnails and API answers", async () => {
    let thumbnail = await request(app.port, { path: `/api/assets/${assetId}/thumbnail`, headers: bearer });
    for (let i = 0; i < 120 && thumbnail.status !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 500));
      thumbnail = await request(app.port, { path: `/api/assets/${assetId}/thumbnail`, headers: bearer });
    }
    expect(thumbnail.status).toBe(200);
    const answers = [thumbnail, await request(app.port, { path: `/api/assets/${assetId}/original`, headers: bearer }), await request(app.port, { path: "/api/assets", headers: bearer }), await request(app.port, { path: "/api/health" }), await request(app.port, { path: "/api/assets" })];
    for (const answer of answers) expect(answer.headers["cross-origin-resource-policy"]).toBe("same-origin");
  });
});

describe("hardening 12: private files whatever the umask", () => {
  it("closes the old library at start and writes database, originals and thumbnails 0600 in 0700 dirs", () => {
    expect(mode(dataDir)).toBe(0o700);
    const files = [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, ...filesUnder(paths.originals).map((f) => path.join(paths.originals, f)), ...filesUnder(paths.derived).map((f) => path.join(paths.derived, f))];
    expect(filesUnder(paths.derived).length).toBeGreaterThan(0);
    for (const file of files) expect(mode(file).toString(8), file).toBe("600");
    for (const dir of [paths.originals, paths.derived, path.dirname(files.at(-1)!)]) expect(mode(dir).toString(8), dir).toBe("700");
  });
});
