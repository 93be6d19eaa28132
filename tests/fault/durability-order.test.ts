// RELIABILITY scenario 3 (power loss right after a 2xx). No VM reset is available here, so the
// test proves the property power-loss safety rests on: by the time the 201 leaves the process,
// every byte it promises is fsynced. It traces the real server's syscalls (strace) during an
// upload and checks the order: fsync(temp file) → hard link into originals → fsync(directory) →
// fsync(SQLite WAL, the row's commit) → write("HTTP/1.1 201"). Then it kills the server at once
// and checks the row exists, the bytes re-hash and PRAGMA integrity_check = ok.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { hashFile } from "@/lib/server/storage";
import { spawnApp, uploadSlowly } from "../support/app-process";
import { sharedPath } from "../support/shared";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-durable-"));
const traceFile = path.join(dataDir, "..", `${path.basename(dataDir)}.strace`);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(traceFile, { force: true });
});

describe("scenario 3: durable before acknowledged", () => {
  it("fsyncs the file, its directory and the row's commit before sending the 2xx", async () => {
    const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "" };
    await prepareLibrary(parseConfig(env), createLogger("t", "error"));
    const server = await spawnApp("serve", env);
    let tracer: ChildProcess | undefined;
    try {
      tracer = spawn("strace", ["-f", "-y", "-s", "40", "-e", "trace=fsync,fdatasync,link,linkat,write,writev", "-p", String(server.child.pid), "-o", traceFile], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, 1500));
      const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0038.jpg"));
      const reply = (await uploadSlowly(server.port, "DSCN0038.jpg", photo, { pauseMs: 0 })) as { status: number; body: { sha256: string; assetId: string } };
      expect(reply.status).toBe(201);
      await server.stop("SIGKILL"); // the "power cut": nothing after the 2xx gets to run
      tracer.kill("SIGINT");
      await new Promise((r) => tracer!.once("exit", r));

      const lines = fs.readFileSync(traceFile, "utf8").split("\n");
      const sha = reply.body.sha256;
      const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
      const fsyncTemp = at(/fsync\(\d+<[^>]*\/tmp\/upload-[^>]+>\)\s+= 0/);
      const link = at(new RegExp(`link\\w*\\(.*tmp/upload-.*originals/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}\\.jpg.*= 0`));
      const fsyncDir = lines.findIndex((line, i) => i > link && new RegExp(`f(data)?sync\\(\\d+<[^>]*/originals/${sha.slice(0, 2)}/${sha.slice(2, 4)}>\\)\\s+= 0`).test(line));
      const fsyncWal = lines.findIndex((line, i) => i > fsyncDir && /f(data)?sync\(\d+<[^>]*albums\.db-wal>\)\s+= 0/.test(line));
      const ack = at(/write\w*\(\d+<socket:.*HTTP\/1\.1 201/);
      expect([fsyncTemp, link, fsyncDir, fsyncWal, ack].every((i) => i >= 0), lines.filter((l) => /sync|link|HTTP/.test(l)).join("\n")).toBe(true);
      expect(fsyncTemp).toBeLessThan(link);
      expect(link).toBeLessThan(fsyncDir);
      expect(fsyncDir).toBeLessThan(fsyncWal);
      expect(fsyncWal).toBeLessThan(ack);

      const db = new Database(path.join(dataDir, "albums.db"));
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare(`SELECT sha256 FROM "Asset" WHERE id = ?`).get(reply.body.assetId)).toEqual({ sha256: sha });
      db.close();
      expect(await hashFile(path.join(dataDir, "originals", sha.slice(0, 2), sha.slice(2, 4), `${sha}.jpg`))).toBe(sha);
    } finally {
      tracer?.kill("SIGKILL");
      await server.stop("SIGKILL");
    }
  });
});
