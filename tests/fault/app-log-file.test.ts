// `npm start` with real processes writes the supervisor's, the server's and the worker's lines to
// <data dir>/logs/albums-<day>.jsonl as JSON, besides the console (issue 21, logs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { spawnApp } from "../support/app-process";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-applog-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it("npm start: JSON lines from albums, server and worker in the day's log file", async () => {
  const app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: path.join(dataDir, "..", `${path.basename(dataDir)}-backups`), ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_ENRICHMENT: "none" }, { waitFor: (h) => h.worker?.alive === true });
  expect(await app.stop("SIGTERM")).toBe(0);
  const logs = path.join(dataDir, "logs");
  const files = fs.readdirSync(logs);
  expect(files).toEqual([`albums-${new Date().toISOString().slice(0, 10)}.jsonl`]);
  const entries = fs.readFileSync(path.join(logs, files[0]!), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { process: string; level: string; message: string });
  expect(entries.some((e) => e.process === "server" && e.message.startsWith("listening on http://127.0.0.1:"))).toBe(true);
  expect(entries.some((e) => e.process === "worker" && e.message.startsWith("started"))).toBe(true);
  expect(entries.at(-1)).toMatchObject({ process: "albums", level: "info", message: "stopped" });
  fs.rmSync(path.join(dataDir, "..", `${path.basename(dataDir)}-backups`), { recursive: true, force: true });
}, 180_000);
