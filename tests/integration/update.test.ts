// `npm run update` (lib/appliance/run-update.ts) against a stand-in app in a temp git repo with
// release tags: v1 healthy, v2 broken (its migration changes the database, then its server exits),
// v3 healthy. The git fetch/checkout, the database copy and restore and the health polling are the
// real ones; the stop/install/build/migrate/start commands are quick stand-ins (production runs
// systemctl, npm install, npm run build, the migrations; see scripts/update.ts). Also: boot refuses
// a database migrated by a newer version with exit 65.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runUpdate, type UpdateOptions } from "@/lib/appliance/run-update";
import { applyMigrations } from "@/lib/server/migrate";

const repo = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "albums-update-"));
const origin = path.join(tmp, "origin");
const app = path.join(tmp, "app");
const pidFile = path.join(tmp, "server.pid");
const databasePath = path.join(tmp, "data/albums.db");

afterAll(() => {
  spawnSync("sh", ["-c", `[ -f ${pidFile} ] && kill $(cat ${pidFile})`]);
  fs.rmSync(tmp, { recursive: true, force: true });
});

const server = (healthy: boolean) => `
import fs from "node:fs";
import http from "node:http";
const { version } = JSON.parse(fs.readFileSync("package.json", "utf8"));
${healthy ? "" : "process.exit(1);"}
http.createServer((req, res) => res.writeHead(req.url === "/api/health" ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify({ version }))).listen(Number(process.env.PORT), "127.0.0.1");
`;
const migrate = (sql: string) => `
import { createRequire } from "node:module";
const Database = createRequire(${JSON.stringify(path.join(repo, "package.json"))})("better-sqlite3");
const db = new Database(process.argv[2]);
db.exec(${JSON.stringify(sql)});
db.close();
`;

function release(tag: string, version: string, healthy: boolean, sql: string) {
  fs.writeFileSync(path.join(origin, "package.json"), JSON.stringify({ version }));
  fs.writeFileSync(path.join(origin, "server.mjs"), server(healthy));
  fs.writeFileSync(path.join(origin, "migrate.mjs"), migrate(sql));
  const git = (...args: string[]) => execFileSync("git", ["-C", origin, ...args]);
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", tag);
  git("tag", tag);
}

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const rows = () => {
  const db = new Database(databasePath, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return { tables, photos: (db.prepare(`SELECT name FROM photo ORDER BY name`).all() as { name: string }[]).map((p) => p.name) };
  } finally {
    db.close();
  }
};

describe("npm run update", () => {
  it("rolls a broken release back to the previous tag and database, then takes a good one", async () => {
    fs.mkdirSync(origin, { recursive: true });
    execFileSync("git", ["-C", origin, "init", "-q"]);
    release("v1.0.0", "1.0.0", true, "CREATE TABLE IF NOT EXISTS photo (name TEXT)");
    execFileSync("git", ["clone", "-q", origin, app]);
    execFileSync("git", ["-C", app, "checkout", "-q", "--detach", "v1.0.0"]);
    fs.mkdirSync(path.dirname(databasePath));
    const db = new Database(databasePath);
    db.exec("CREATE TABLE photo (name TEXT); INSERT INTO photo VALUES ('precious.jpg')");
    db.close();
    const port = await freePort();
    const lines: string[] = [];
    const options: UpdateOptions = {
      appDir: app,
      remote: "origin",
      databasePath,
      backupDir: path.join(tmp, "backups"),
      commands: {
        stop: `[ -f ${pidFile} ] && kill $(cat ${pidFile}) && rm ${pidFile}; true`,
        install: "true",
        build: "true",
        migrate: `node migrate.mjs ${databasePath}`,
        start: `PORT=${port} node server.mjs >/dev/null 2>&1 & echo $! > ${pidFile}`,
      },
      healthUrl: `http://127.0.0.1:${port}/api/health`,
      healthTimeoutMs: 3_000,
      say: (line) => lines.push(line),
    };
    execFileSync("sh", ["-c", options.commands.start], { cwd: app });
    const v1 = execFileSync("git", ["-C", app, "rev-parse", "HEAD"]).toString();

    expect(await runUpdate(options)).toEqual({ outcome: "current", at: "v1.0.0" });

    release("v2.0.0", "2.0.0", false, "CREATE TABLE v2_only (x); INSERT INTO photo VALUES ('written-by-v2.jpg')");
    const broken = await runUpdate(options);
    expect(broken).toMatchObject({ outcome: "rolled-back", from: "v1.0.0", to: "v2.0.0" });
    if (broken.outcome !== "rolled-back") throw new Error("unreachable");
    expect(broken.reason).toMatch(/not healthy within 3s/);
    expect(broken.backup).toMatch(/pre-migration\/.*-before-update-to-v2.0.0\.db$/);
    expect(execFileSync("git", ["-C", app, "rev-parse", "HEAD"]).toString()).toBe(v1);
    expect(rows()).toEqual({ tables: ["photo"], photos: ["precious.jpg"] });
    expect(await (await fetch(options.healthUrl)).json()).toEqual({ version: "1.0.0" });

    release("v3.0.0", "3.0.0", true, "CREATE TABLE v3_only (x); INSERT INTO photo VALUES ('written-by-v3.jpg')");
    expect(await runUpdate(options)).toMatchObject({ outcome: "updated", from: "v1.0.0", to: "v3.0.0" });
    expect(rows()).toEqual({ tables: ["photo", "v3_only"], photos: ["precious.jpg", "written-by-v3.jpg"] });
    expect(await (await fetch(options.healthUrl)).json()).toEqual({ version: "3.0.0" });
  });

  it("the app refuses a database migrated by a newer version: a clear message, exit 65", () => {
    const dataDir = path.join(tmp, "newer");
    fs.mkdirSync(dataDir);
    applyMigrations(path.join(dataDir, "albums.db"));
    const db = new Database(path.join(dataDir, "albums.db"));
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('f', 'c', '2030-01-01', '20300101000000_from_the_future', '2030-01-01', 1)`).run();
    db.close();
    const boot = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/boot.ts"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: path.join(tmp, "newer-backups") },
    });
    expect(boot.stderr).toContain("was upgraded by a newer version of Albums (migration 20300101000000_from_the_future unknown to this version)");
    expect(boot.status).toBe(65);
  });
});
