// `npm start` as a user runs it: one supervisor starts migrations, the server and the worker;
// a photo gets thumbnails from the real worker; a crashed worker is restarted; SIGTERM stops all;
// a missing data volume or a bad config refuses to start with a clear message.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pollFor } from "../support/poll";
import { sharedPath } from "../support/shared";
import { freePort, getJson, spawnApp, uploadSlowly } from "../support/app-process";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-e2e-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "" };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function childPids(parent: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(parent)]).toString();
  return out.split("\n").map((l) => Number(l.trim())).filter((n) => n > 0);
}

function childWith(supervisor: number, script: string): number | undefined {
  return childPids(supervisor).find((pid) => cmdline(pid).includes(script));
}

/** A process's command line; empty when it exited since ps listed it (the worker just killed). */
function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}
const workerPid = (supervisor: number) => childWith(supervisor, "workers/worker.ts");

describe("npm start (supervisor)", () => {
  it("serves, thumbnails through the real worker, restarts a crashed worker and stops on SIGTERM", async () => {
    const app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
    try {
      const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0010.jpg"));
      const started = Date.now();
      const reply = (await uploadSlowly(app.port, "DSCN0010.jpg", photo, { pauseMs: 0 })) as { status: number; body: { assetId: string } };
      expect(reply.status).toBe(201);
      const thumb = await pollFor(async () => {
        const res = await getJson(app.port, `/api/assets/${reply.body.assetId}`);
        // The detail reads the row and its derivatives in two statements: a poll that falls between
        // them and the worker's commit sees the thumbnails a moment before the state they came with.
        return res.body.thumbnails?.sm && res.body.decodeState !== "pending" ? res.body : undefined;
      }, "thumbnails");
      console.log(`thumbnails ready ${Date.now() - started} ms after the upload started (worker polling the queue)`);
      expect(thumb.decodeState).toBe("ok");

      const supervisorPid = app.child.pid!;
      const firstWorker = await pollFor(() => workerPid(supervisorPid), "worker pid");
      process.kill(firstWorker, "SIGKILL");
      const secondWorker = await pollFor(() => {
        const pid = workerPid(supervisorPid);
        return pid && pid !== firstWorker ? pid : undefined;
      }, "restarted worker");
      expect(secondWorker).not.toBe(firstWorker);
      expect(app.output()).toMatch(/worker exited \(SIGKILL\); restarting/);
      await pollFor(async () => ((await getJson(app.port, "/api/health")).body.worker.alive ? true : undefined), "worker heartbeat");

      const children = [childWith(supervisorPid, "scripts/serve.ts"), secondWorker];
      expect(children.every((pid) => pid !== undefined)).toBe(true);
      const code = await app.stop("SIGTERM");
      expect(code).toBe(0);
      for (const pid of children) expect(fs.existsSync(`/proc/${pid}`), `child ${pid} stopped`).toBe(false);
      expect(app.output()).toMatch(/SIGTERM: stopping server and worker/);
    } finally {
      await app.stop("SIGKILL");
    }
  });

  it("refuses to start when the library's volume is missing (marker gone), writing nothing", async () => {
    fs.rmSync(path.join(dataDir, ".albums-library"));
    const before = fs.readdirSync(dataDir, { recursive: true }).length;
    await expect(spawnApp("start", env)).rejects.toThrow(/app exited early \(75\)[\s\S]*is the data volume mounted/);
    expect(fs.readdirSync(dataDir, { recursive: true }).length).toBe(before);
  });

  it("reports every configuration problem at once", async () => {
    await expect(spawnApp("start", { ...env, ALBUMS_PORT: "x", ALBUMS_LOG_LEVEL: "loud", ALBUMS_API_TOKEN: "short" })).rejects.toThrow(
      /app exited early \(78\)[\s\S]*ALBUMS_PORT[\s\S]*ALBUMS_API_TOKEN[\s\S]*ALBUMS_LOG_LEVEL/,
    );
    expect(await freePort()).toBeGreaterThan(0);
  });
});
