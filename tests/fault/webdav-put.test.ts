// WebDAV PUT against the real server process: a body cut mid-way (the client's socket destroyed)
// leaves no entry, no original and no temp file; a PUT answered 201 survives a kill -9 of the
// server right after the answer (bytes, entry and name back after the restart).
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { filesUnder, spawnApp, type AppProcess } from "../support/app-process";
import { request } from "../support/http-client";
import { pollFor } from "../support/poll";

const TOKEN = "dav-fault-token-0123456789abcdef";
const AUTH = `Basic ${Buffer.from(`me:${TOKEN}`).toString("base64")}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-davfault-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: TOKEN, ALBUMS_OWNER: "" };
let app: AppProcess;

beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("t", "error"));
  app = await spawnApp("serve", env);
}, 180_000);
afterAll(async () => {
  await app?.stop("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const entries = (name: string) => {
  const db = new Database(path.join(dataDir, "albums.db"), { readonly: true });
  try {
    return db.prepare(`SELECT e.name, a.sha256 FROM "FileEntry" e JOIN "Asset" a ON a.id = e.assetId WHERE e.name = ? AND e.trashedAt IS NULL`).all(name) as { name: string; sha256: string }[];
  } finally {
    db.close();
  }
};

describe("WebDAV PUT faults", () => {
  it("a PUT whose client dies mid-body leaves no entry, no original and no temp file", async () => {
    const before = filesUnder(path.join(dataDir, "originals"));
    const socket = net.connect(app.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`PUT /dav/cut.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH}\r\nContent-Length: 4000000\r\n\r\n`);
    socket.write(Buffer.alloc(1_500_000, 7));
    await pollFor(() => (filesUnder(path.join(dataDir, "tmp")).length > 0 ? true : undefined), "the server to write part of the body", 10_000);
    socket.destroy();
    await pollFor(() => (filesUnder(path.join(dataDir, "tmp")).length === 0 ? true : undefined), "the temp file to go", 10_000);
    expect(entries("cut.bin")).toEqual([]);
    expect(filesUnder(path.join(dataDir, "originals"))).toEqual(before);
    expect((await request(app.port, { method: "GET", path: "/dav/cut.bin", headers: { authorization: AUTH } })).status).toBe(404);
  });

  it("a PUT answered 201 survives a kill -9 right after the answer", async () => {
    const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31) & 255));
    const put = await request(app.port, { method: "PUT", path: "/dav/kept%20after%20crash.bin", headers: { authorization: AUTH }, body: data });
    expect(put.status).toBe(201);
    await app.stop("SIGKILL");
    app = await spawnApp("serve", env);
    const sha = createHash("sha256").update(data).digest("hex");
    expect(entries("kept after crash.bin")).toEqual([{ name: "kept after crash.bin", sha256: sha }]);
    const back = await request(app.port, { method: "GET", path: "/dav/kept%20after%20crash.bin", headers: { authorization: AUTH } });
    expect(back.status).toBe(200);
    expect(back.body.equals(data)).toBe(true);
  }, 180_000);
});
