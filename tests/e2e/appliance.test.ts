// The appliance parts of issue 21 against the real app (`npm start`: supervisor, server, worker) in
// real Chromium: Settings → Notifications lists the owner's webhook and its Send test reaches a
// local receiver (and nothing else: the app's egress guard blocks the rest); Settings → Log is
// there; after a stop, the day's log file holds the supervisor's, the server's and the worker's
// lines as JSON. Settings → Import folder shows what the worker took from ALBUMS_IMPORT_DIR and
// what it left with a reason. The panels pass axe.
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnApp, type AppProcess } from "../support/app-process";
import { launchChromium } from "../support/gallery-app";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-appliance-"));
const backupDir = path.join(dataDir, "..", `${path.basename(dataDir)}-backups`);
const importDir = path.join(dataDir, "..", `${path.basename(dataDir)}-import`);
const received: { key: string; title: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as { key: string; title: string });
    res.end("ok");
  });
});
let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hook`;
  fs.mkdirSync(path.join(importDir, "DCIM"), { recursive: true });
  fs.writeFileSync(path.join(importDir, "DCIM", "IMG_0001.png"), await sharp({ create: { width: 8, height: 6, channels: 3, background: "#3366cc" } }).png().toBuffer());
  fs.writeFileSync(path.join(importDir, "notes.bin"), Buffer.alloc(256, 7));
  [app, browser] = await Promise.all([
    spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: backupDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_ENRICHMENT: "none", ALBUMS_NOTIFY_WEBHOOK: hook, ALBUMS_IMPORT_DIR: importDir, ALBUMS_IMPORT_POLL_SECONDS: "1" }, { waitFor: (h) => h.worker?.alive === true }),
    launchChromium(),
  ]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop("SIGKILL");
  receiver.close();
  for (const dir of [dataDir, backupDir, importDir]) fs.rmSync(dir, { recursive: true, force: true });
});

it("Settings: the webhook is listed, Send test reaches it; the Log panel is there", async () => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${app.port}` });
  const page = await context.newPage();
  await page.goto("/admin");
  await expect.poll(() => page.getByTestId("notify-channels").textContent(), { timeout: 30_000 }).toContain("webhook");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect.poll(() => page.getByTestId("notify-results").textContent(), { timeout: 30_000 }).toBe("webhook: sent");
  expect(received.filter((m) => m.key === "test").map((m) => m.title)).toEqual(["Test message"]);
  await expect.poll(() => page.getByRole("heading", { name: "Log: last warnings and errors" }).count()).toBe(1);
  const { violations } = await new AxeBuilder({ page: page as never }).include("section[aria-labelledby=notifications]").include("section[aria-labelledby=log]").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await context.close();
}, 120_000);

it("Settings → Import folder: the photo dropped there was taken, the other file is listed with its reason", async () => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${app.port}` });
  const page = await context.newPage();
  await page.goto("/admin");
  await expect.poll(() => page.getByTestId("import-folder-counts").textContent(), { timeout: 30_000 }).toMatch(/1 ingested.*1 skipped/);
  expect(await page.getByTestId("import-folder").textContent()).toContain(importDir);
  expect(await page.getByTestId("import-folder-problems").textContent()).toMatch(/notes\.bin — left in place: .*not a photo, video or document/);
  const { violations } = await new AxeBuilder({ page: page as never }).include("section[aria-labelledby=import-folder]").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await context.close();
}, 120_000);

it("npm start: JSON lines from albums, server and worker in the day's log file", async () => {
  expect(await app.stop("SIGTERM")).toBe(0);
  const logs = path.join(dataDir, "logs");
  const files = fs.readdirSync(logs);
  expect(files).toEqual([`albums-${new Date().toISOString().slice(0, 10)}.jsonl`]);
  const entries = fs.readFileSync(path.join(logs, files[0]!), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { process: string; level: string; message: string });
  expect(entries.some((e) => e.process === "server" && e.message.startsWith("listening on http://127.0.0.1:"))).toBe(true);
  expect(entries.some((e) => e.process === "worker" && e.message.startsWith("started"))).toBe(true);
  expect(entries.at(-1)).toMatchObject({ process: "albums", level: "info", message: "stopped" });
}, 60_000);
