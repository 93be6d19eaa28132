import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

/** Any exported route handler (its params type does not matter to the caller). */
export type RouteHandler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

export type TestLibrary = {
  config: Config;
  paths: LibraryPaths;
  db: Db;
  /** Runs the worker loop in-process until no job is runnable. */
  drain: () => Promise<void>;
  /** Calls a route handler module's export with a Request from this machine (loopback peer). */
  call: (handler: RouteHandler, init: RequestInit & { url: string; params?: Record<string, string> }) => Promise<Response>;
  cleanup: () => Promise<void>;
};

/**
 * A real library in a temp dir: env configured, migrations applied, Prisma client open. Must be
 * called before anything reads the config (each test file runs in its own process).
 */
export async function createTestLibrary(env: Record<string, string> = {}): Promise<TestLibrary> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-test-"));
  Object.assign(process.env, { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ...env });
  const { getConfig } = await import("@/lib/config");
  const { createLogger } = await import("@/lib/server/logger");
  const { prepareLibrary } = await import("@/lib/server/prepare-library");
  const { getDb } = await import("@/lib/server/db");
  const { runWorker } = await import("@/lib/jobs/run-worker");
  const { PEER_HEADER } = await import("@/lib/http/peer");
  const config = getConfig();
  const log = createLogger("test", "warn");
  const paths = await prepareLibrary(config, log);
  const db = await getDb();
  return {
    config,
    paths,
    db,
    drain: () => runWorker({ db, paths, config, log }, { workerId: "test-worker", untilIdle: true }),
    call: (handler, { url, params = {}, headers, ...init }) => {
      const merged = new Headers(headers);
      if (!merged.has(PEER_HEADER)) merged.set(PEER_HEADER, "127.0.0.1");
      return handler(new Request(new URL(url, "http://127.0.0.1:3000"), { ...init, headers: merged, duplex: "half" } as RequestInit), { params: Promise.resolve(params) as Promise<never> });
    },
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart body with `file` (bytes from disk or a buffer) and optional text fields. */
export function uploadForm(file: string | { name: string; data: Buffer }, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const { name, data } = typeof file === "string" ? { name: path.basename(file), data: fs.readFileSync(file) } : file;
  form.set("file", new Blob([new Uint8Array(data)]), name);
  return form;
}

/** Every file under `originals/` (relative), for files ↔ rows checks. */
export function listOriginals(paths: LibraryPaths): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(path.relative(paths.originals, full));
    }
  };
  visit(paths.originals);
  return out.sort();
}
