import { randomUUID } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { journalDirOf } from "@/lib/journal/journal-files";
import { RebuildNeeded } from "@/lib/journal/rebuild-needed";
import type { LibraryPaths } from "./paths";

export const LIBRARY_ID_KEY = "library.id";

/** Refusal to open a data dir that does not look like the library the database belongs to. */
export class LibraryVolumeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LibraryVolumeError";
  }
}

/**
 * Checks the data dir before anything writes to it. A library is marked by `.albums-library`
 * (holding the library id, also stored in the database). If the database knows a library but
 * the marker is missing or different, the volume is unmounted, empty or the wrong one: refuse,
 * writing nothing. A data dir with originals but no marker is refused too, and a marked one with
 * originals or a journal but no database (RebuildNeeded: `npm run rebuild`). Returns the library id
 * when it exists, or null for a fresh data dir.
 */
export function checkLibraryVolume(paths: LibraryPaths): string | null {
  const marker = readMarker(paths.marker);
  const dbId = fs.existsSync(paths.database) ? readDbLibraryId(paths.database) : null;
  if (dbId && marker !== dbId) {
    throw new LibraryVolumeError(
      marker
        ? `The data dir ${paths.root} belongs to library ${marker}, but the database is library ${dbId}. Wrong volume?`
        : `The database knows library ${dbId} but ${paths.marker} is missing: is the data volume mounted? Refusing to start.`,
    );
  }
  // The lead's choice: a lost database is re-created by an explicit `npm run rebuild`, not at start-up.
  if (marker && !fs.existsSync(paths.database) && (hasEntries(paths.originals) || hasEntries(journalDirOf(paths.database)))) {
    throw new RebuildNeeded(`The library ${marker} in ${paths.root} has originals but no database (${paths.database} is missing). Refusing to start, writing nothing.`);
  }
  if (!dbId && !marker && hasEntries(paths.originals)) {
    throw new LibraryVolumeError(`${paths.originals} holds files but no library marker; refusing to adopt it silently.`);
  }
  return marker;
}

/** Creates the data dir layout and marks a fresh library; returns its id. */
export function initLibraryVolume(paths: LibraryPaths, existingId: string | null): string {
  for (const dir of [paths.root, paths.originals, paths.derived, paths.tmp, paths.models, paths.uploads]) fs.mkdirSync(dir, { recursive: true });
  if (existingId) return existingId;
  const id = randomUUID();
  fs.writeFileSync(paths.marker, `${id}\n`, { flag: "wx" });
  return id;
}

/** Records the library id in the database (after migrations), so a missing marker is noticed. */
export function recordLibraryId(databasePath: string, id: string): void {
  const db = new Database(databasePath, { timeout: 15_000 });
  try {
    db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING`).run(LIBRARY_ID_KEY, id, new Date().toISOString().replace("Z", "+00:00"));
  } finally {
    db.close();
  }
}

function hasEntries(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

function readMarker(markerPath: string): string | null {
  try {
    return fs.readFileSync(markerPath, "utf8").trim() || null;
  } catch {
    return null;
  }
}

function readDbLibraryId(databasePath: string): string | null {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Setting'`).get();
    if (!table) return null;
    const row = db.prepare(`SELECT value FROM "Setting" WHERE key = ?`).get(LIBRARY_ID_KEY) as { value: string } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}
