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
const busy = new Set<string>();

/** Runs `work` holding the upload's lock; returns null when another request holds it. */
export async function withUploadLock<T>(id: string, work: () => Promise<T>): Promise<T | null> {
  if (busy.has(id)) return null;
  busy.add(id);
  try {
    return await work();
  } finally {
    busy.delete(id);
  }
}
