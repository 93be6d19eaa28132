// The log file (issue 21): JSON lines under <data dir>/logs/, one file per UTC day, files past the
// keep days deleted (only inside logs/: the custody guard refuses a log deletion anywhere else),
// secrets redacted before they are written, the last warnings and errors readable in settings.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removePath } from "@/lib/custody/remove-path";
import { openLogFile } from "@/lib/logs/open-log-file";
import { readRecentProblems } from "@/lib/logs/read-recent-problems";
import { libraryPaths } from "@/lib/server/paths";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "albums-logs-"));
const paths = libraryPaths(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("log file", () => {
  it("writes redacted JSON lines, a file per day, and deletes files past the keep days", async () => {
    fs.mkdirSync(paths.logs, { recursive: true });
    fs.writeFileSync(path.join(paths.logs, "albums-2026-11-01.jsonl"), "{}\n");
    fs.writeFileSync(path.join(paths.logs, "notes.txt"), "the owner's own file\n");
    let now = new Date("2026-12-01T23:59:59Z");
    const log = openLogFile({ paths, keepDays: 3, secrets: ["tok_0123456789abcdef"], now: () => now });
    log.write("server", `2026-12-01T23:59:59.000Z ERROR [api] unhandled error {"url":"/api/x?token=tok_0123456789abcdef","passphrase":"open sesame"}`);
    log.write("worker", "    at someFunction (file.ts:1:1)");
    await settle();
    expect(fs.existsSync(path.join(paths.logs, "albums-2026-11-01.jsonl"))).toBe(false);

    now = new Date("2026-12-02T00:00:01Z");
    log.write("albums", `2026-12-02T00:00:01.000Z WARN  [albums] worker exited (1); restarting in 1s`);
    now = new Date("2026-12-04T08:00:00Z");
    log.write("albums", `2026-12-04T08:00:00.000Z INFO  [albums] all fine`);
    log.close();
    await settle();

    expect(fs.readdirSync(paths.logs).sort()).toEqual(["albums-2026-12-02.jsonl", "albums-2026-12-04.jsonl", "notes.txt"]);
    expect(fs.statSync(path.join(paths.logs, "albums-2026-12-04.jsonl")).mode & 0o777).toBe(0o600);
  });

  it("never writes a secret, and settings read the last warnings and errors, newest first", () => {
    const log = openLogFile({ paths, keepDays: 30, secrets: ["tok_0123456789abcdef"], now: () => new Date("2026-12-04T09:00:00Z") });
    log.write("server", `2026-12-04T09:00:00.000Z ERROR [api] refused {"authorization":"Bearer tok_0123456789abcdef","cookie":"albums-session=feedface"}`);
    log.close();
    const all = fs.readdirSync(paths.logs).filter((n) => n.endsWith(".jsonl")).map((n) => fs.readFileSync(path.join(paths.logs, n), "utf8")).join("");
    for (const secret of ["tok_0123456789abcdef", "feedface", "open sesame"]) expect(all).not.toContain(secret);
    for (const line of all.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();

    const recent = readRecentProblems(paths);
    expect(recent.map((e) => [e.level, e.process, e.message.slice(0, 16)])).toEqual([
      ["error", "server", "refused {\"author"],
      ["warn", "albums", "worker exited (1"],
    ]);
  });

  it("the custody guard refuses a log deletion outside logs/", async () => {
    fs.mkdirSync(paths.originals, { recursive: true });
    const original = path.join(paths.originals, "keep.jpg");
    fs.writeFileSync(original, "photo");
    await expect(removePath(paths, "log", original)).rejects.toThrow(/originals are never deleted/);
    await expect(removePath(paths, "log", paths.database)).rejects.toThrow(/not a log area/);
    expect(fs.existsSync(original)).toBe(true);
  });
});
