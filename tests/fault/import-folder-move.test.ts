// The import folder's move option (ALBUMS_IMPORT_MOVE) with the real worker killed (-9) between
// its steps: strace injects SIGKILL exactly when the worker makes the hard link into imported/,
// then exactly when it unlinks the file's old name. After each kill the file is still in the
// import folder or in imported/ with its asset present — never gone — and a normal restart
// finishes the move: one asset, one file in imported/, no "(1)" copy.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { hashFile } from "@/lib/server/storage";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-import-move-"));
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-import-move-dir-"));
const env = {
  ALBUMS_DATA_DIR: dataDir, ALBUMS_IMPORT_DIR: importDir, ALBUMS_IMPORT_MOVE: "1", ALBUMS_IMPORT_POLL_SECONDS: "1", UV_THREADPOOL_SIZE: "1",
  ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0",
};
const source = path.join(importDir, "DCIM", "Camera", "IMG_0001.jpg");
const moved = path.join(importDir, "imported", "DCIM", "Camera", "IMG_0001.jpg");
let sha256: string;

beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("t", "error"));
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer());
  sha256 = await hashFile(source);
});
afterAll(() => {
  for (const dir of [dataDir, importDir]) fs.rmSync(dir, { recursive: true, force: true });
});

function worker(command: string[]): { child: ChildProcess; exited: Promise<number | string | null>; output: () => string } {
  let output = "";
  const child = spawn(command[0]!, [...command.slice(1), process.execPath, "--conditions=react-server", "--import", "tsx", "workers/worker.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return { child, exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal))), output: () => output };
}

/**
 * Runs the worker under strace, which kills it (-9) when it makes `syscalls` on the import file.
 * No --seccomp-bpf: with it (kernel 4.8+) a thread that already made one of these syscalls (the
 * ingest links its temp file into originals/) is stopped at a seccomp event, where the kernel
 * drops the injected signal: the syscall fails with EIO and the worker lives on. The worker's
 * libuv pool has one thread (UV_THREADPOOL_SIZE), so that case is met on every run, not by chance.
 */
async function killedAt(syscalls: string): Promise<void> {
  const run = worker(["strace", "-f", "-o", "/dev/null", "-P", source, "-e", `trace=${syscalls}`, "-e", `inject=${syscalls}:error=EIO:signal=KILL`]);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.child.kill("SIGKILL");
  }, 150_000);
  const code = await run.exited;
  clearTimeout(timer);
  expect({ timedOut, code }, run.output()).toEqual({ timedOut: false, code: "SIGKILL" }); // strace dies by its tracee's signal
}

function library() {
  const db = new Database(path.join(dataDir, "albums.db"), { readonly: true, timeout: 15_000 });
  try {
    return {
      assets: db.prepare(`SELECT sha256, ext FROM "Asset"`).all() as { sha256: string; ext: string }[],
      ledger: db.prepare(`SELECT path, state, movedTo FROM "ImportFolderFile"`).all() as { path: string; state: string; movedTo: string | null }[],
    };
  } finally {
    db.close();
  }
}

/** The invariant after every kill: the bytes are in the import folder or imported/, and their asset and original are in place. */
async function expectNothingLost(): Promise<void> {
  const places = [source, moved].filter((file) => fs.existsSync(file));
  expect(places.length).toBeGreaterThan(0);
  for (const file of places) expect(await hashFile(file)).toBe(sha256);
  const { assets } = library();
  expect(assets).toEqual([{ sha256, ext: "jpg" }]);
  expect(await hashFile(path.join(dataDir, "originals", sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.jpg`))).toBe(sha256);
}

describe("import folder move, worker killed between the steps", () => {
  it("killed as it links into imported/: the file stays in the import folder, its asset is in", async () => {
    await killedAt("link,linkat");
    await expectNothingLost();
    expect(fs.existsSync(source)).toBe(true);
    expect(fs.existsSync(moved)).toBe(false);
    expect(library().ledger).toEqual([{ path: "DCIM/Camera/IMG_0001.jpg", state: "ingested", movedTo: "imported/DCIM/Camera/IMG_0001.jpg" }]);
  }, 180_000);

  it("killed as it unlinks the old name: the file is in both places (one inode), never in neither", async () => {
    await killedAt("unlink,unlinkat");
    await expectNothingLost();
    expect(fs.statSync(source).ino).toBe(fs.statSync(moved).ino);
  }, 180_000);

  it("a normal restart finishes the move: one asset, one file in imported/, no second copy", async () => {
    const run = worker(["env"]);
    const deadline = Date.now() + 120_000;
    while (fs.existsSync(source) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toBe(0);
    await expectNothingLost();
    expect(fs.existsSync(source)).toBe(false);
    expect(fs.readdirSync(path.dirname(moved))).toEqual(["IMG_0001.jpg"]);
    expect(library().ledger).toEqual([{ path: "DCIM/Camera/IMG_0001.jpg", state: "moved", movedTo: "imported/DCIM/Camera/IMG_0001.jpg" }]);
  }, 180_000);
});
