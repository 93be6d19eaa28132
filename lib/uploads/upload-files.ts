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
const busy = new Map<string, { done: Promise<unknown>; takeOver: (() => void) | null }>();

/** How long a request waits for a holder that is finishing (e.g. recording a cut-off chunk). */
const LOCK_WAIT_MS = 2_000;

/**
 * Runs `work` holding the upload's lock; returns null when another request still holds it after
 * a short wait (a client resuming right after its connection was cut finds the old request
 * recording what arrived, not a conflict). With `takeOver`, a holder that also allows it (an
 * append) is told to stop through `work`'s signal: a client sends one chunk at a time, so a new
 * chunk means the old request's connection is dead (the phone changed networks) even if the box
 * has not noticed yet.
 */
export async function withUploadLock<T>(id: string, work: (signal: AbortSignal) => Promise<T>, options: { takeOver?: boolean } = {}): Promise<T | null> {
  const held = busy.get(id);
  if (held) {
    if (options.takeOver) held.takeOver?.();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([held.done.catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, LOCK_WAIT_MS)))]);
    clearTimeout(timer);
    if (busy.has(id)) return null;
  }
  const controller = new AbortController();
  const running = work(controller.signal);
  busy.set(id, { done: running, takeOver: options.takeOver ? () => controller.abort() : null });
  try {
    return await running;
  } finally {
    busy.delete(id);
  }
}
