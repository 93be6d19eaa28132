import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireInstanceLock, InstanceLockedError, isInstanceRunning, LOCK_FILE } from "./instance-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Another process holding the lock, as a second `npm start` would meet it. */
async function holdInOtherProcess(dataDir: string) {
  const source = `import { acquireInstanceLock } from ${JSON.stringify(path.join(import.meta.dirname, "instance-lock.ts"))}; acquireInstanceLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return child;
}

describe("instance lock", () => {
  it("lets one holder in and refuses a second with a message naming the data dir", () => {
    const dir = tempDir();
    const lock = acquireInstanceLock(dir);
    expect(isInstanceRunning(dir)).toBe(true);
    expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
    expect(() => acquireInstanceLock(dir)).toThrow(new RegExp(`already running on ${dir}`));
    lock.release();
    expect(isInstanceRunning(dir)).toBe(false);
    acquireInstanceLock(dir).release();
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it("is held across processes and released by the kernel when the holder is killed -9", async () => {
    const dir = tempDir();
    const holder = await holdInOtherProcess(dir);
    try {
      expect(isInstanceRunning(dir)).toBe(true);
      expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    expect(isInstanceRunning(dir)).toBe(false);
    acquireInstanceLock(dir).release();
  });

  it("probes a data dir without creating anything", () => {
    const missing = path.join(tempDir(), "not-yet");
    expect(isInstanceRunning(missing)).toBe(false);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
