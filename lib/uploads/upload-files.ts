import path from "node:path";
import type { Upload } from "@/lib/generated/prisma/client";
import type { LibraryPaths } from "@/lib/server/paths";

const UPLOAD_ID = /^[0-9a-f-]{36}$/;

/** Where an upload's received bytes live (outside tmp/, so they survive a restart). */
export function partPath(paths: LibraryPaths, id: string): string {
  if (!UPLOAD_ID.test(id)) throw new Error(`not an upload id: ${JSON.stringify(id)}`);
  return path.join(paths.uploads, `${id}.part`);
}

export type UploadState = { id: string; name: string; size: number; offset: number; expiresAt: string };

/** Uploads untouched this long are abandoned and cleaned up. */
export const UPLOAD_EXPIRY_MS = 24 * 3600_000;

export function toUploadState(row: Upload): UploadState {
  return { id: row.id, name: row.name, size: Number(row.size), offset: Number(row.offset), expiresAt: new Date(row.updatedAt.getTime() + UPLOAD_EXPIRY_MS).toISOString() };
}

// One writer per upload at a time within this (single) server process.
const busy = new Map<string, Promise<unknown>>();

/** How long a request waits for a holder that is finishing (e.g. recording a cut-off chunk). */
const LOCK_WAIT_MS = 2_000;

/**
 * Runs `work` holding the upload's lock; returns null when another request still holds it after
 * a short wait (a client resuming right after its connection was cut finds the old request
 * recording what arrived, not a conflict).
 */
export async function withUploadLock<T>(id: string, work: () => Promise<T>): Promise<T | null> {
  const held = busy.get(id);
  if (held) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([held.catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, LOCK_WAIT_MS)))]);
    clearTimeout(timer);
    if (busy.has(id)) return null;
  }
  const running = work();
  busy.set(id, running);
  try {
    return await running;
  } finally {
    busy.delete(id);
  }
}
