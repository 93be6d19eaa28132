// RELIABILITY scenario 23 (docs/reliability.md): one Albums per data dir. With `npm start` running,
// a second start on the same data dir exits 69 with a clear message before anything is written,
// and the first keeps serving; restore refuses; the Takeout CLI hands its import to the running
// worker. A kill -9 of the supervisor takes its server and worker down with it (lifeline) and
// leaves no lock behind: the next start serves.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { getJson, spawnApp, type AppProcess } from "../support/app-process";
import { sidecar, writeParts } from "../support/takeout-builder";

const ROOT = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-one-"));
const dataDir = path.join(work, "data");
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_ENRICHMENT: "none" };
const apps: AppProcess[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
  fs.rmSync(work, { recursive: true, force: true });
});

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
const childPids = (parent: number) =>
  spawnSync("ps", ["-o", "pid=", "--ppid", String(parent)], { encoding: "utf8" }).stdout.split("\n").map((l) => Number(l.trim())).filter((n) => n > 0);

async function waitUntil(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function runScript(script: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.once("exit", (status) => resolve({ status, output }));
  });
}

describe("one Albums per data dir", () => {
  it("refuses a second start without touching the data dir; the first keeps serving; restore refuses; the Takeout CLI goes through the worker", async () => {
    const first = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
    apps.push(first);
    const tmpBefore = fs.readdirSync(path.join(dataDir, "tmp"));
    fs.writeFileSync(path.join(dataDir, "tmp", "upload-leftover"), "a temp file only a start-up sweep would remove");

    await expect(spawnApp("start", env)).rejects.toThrow(/app exited early \(69\)[\s\S]*Albums is already running on/);
    expect(fs.readdirSync(path.join(dataDir, "tmp")).sort()).toEqual([...tmpBefore, "upload-leftover"].sort());
    expect((await getJson(first.port, "/api/health")).status).toBe(200);
    expect(first.output()).not.toMatch(/exited \(/);

    const restore = await runScript("scripts/restore.ts", [path.join(work, "backups"), dataDir]);
    expect(restore.status).toBe(69);
    expect(restore.output).toMatch(/already running on/);

    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 200, b: 30 } } }).jpeg().toBuffer();
    const [part] = await writeParts(path.join(work, "takeout"), {
      "takeout-001.zip": [
        { path: "Takeout/Google Photos/Photos from 2021/IMG_1.jpg", data: photo },
        { path: "Takeout/Google Photos/Photos from 2021/IMG_1.jpg.json", data: sidecar({ title: "IMG_1.jpg", takenAt: "2021-05-01T10:00:00Z" }) },
      ],
    });
    const imported = await runScript("scripts/import-takeout.ts", [part!]);
    expect(imported.output).toMatch(/its worker does the import/);
    expect(imported.output).toMatch(/imported 1, already in the library 0/);
    expect(first.output()).toMatch(/takeout import finished/);
  }, 180_000);

  it("after kill -9 of the supervisor its server and worker stop, and the next start serves", async () => {
    const supervisor = apps[0]!.child.pid!;
    const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    const children = ["scripts/serve.ts", "workers/worker.ts"].map((script) => childPids(supervisor).find((pid) => cmdline(pid).includes(script)));
    expect(children.every((pid) => pid !== undefined)).toBe(true);
    process.kill(supervisor, "SIGKILL");
    await waitUntil(() => children.every((pid) => !alive(pid!)), "server and worker to notice their supervisor died");

    const next = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
    apps.push(next);
    expect((await getJson(next.port, "/api/health")).status).toBe(200);
    expect(await next.stop("SIGTERM")).toBe(0);
  }, 180_000);
});
