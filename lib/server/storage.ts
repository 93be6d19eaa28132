import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { AppError, diskWriteError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";

export type TempFile = { path: string; sha256: string; size: number };

/**
 * Streams `input` into a new file under `tmpDir`, hashing SHA-256 on the way. Not fsynced here:
 * linkOriginal (lib/custody) does that when the bytes become an original (duplicates and refusals never pay it).
 * On any failure (including `maxBytes` exceeded) the partial file is removed before rethrowing.
 * `flushEveryBytes` starts a datasync each time that much more is written, while the rest still
 * arrives (big files: the final fsync then has little left to wait for).
 */
export async function writeTempFile(input: AsyncIterable<Buffer>, tmpDir: string, maxBytes: number, options: { flushEveryBytes?: number } = {}): Promise<TempFile> {
  const tmpPath = path.join(tmpDir, `upload-${randomUUID()}`);
  const hash = createHash("sha256");
  let size = 0;
  const handle = await fsp.open(tmpPath, "wx", 0o600).catch((error: unknown) => {
    throw diskWriteError(error);
  });
  // Reading and hashing go on while the previous batch of chunks is written (one writev per
  // ~1 MiB, at most one in flight): streams deliver small chunks, and a write per chunk is slow.
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let written = 0;
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> = Promise.resolve();
  let flushedAt = 0;
  const writeBatch = () => {
    const buffers = batch;
    const position = written;
    written += batchBytes;
    batch = [];
    batchBytes = 0;
    writing = writing.then(() => writeAll(handle, buffers, position));
    if (options.flushEveryBytes && written - flushedAt >= options.flushEveryBytes) {
      flushedAt = written;
      const upTo = writing;
      flushing = Promise.all([flushing, upTo]).then(() => handle.datasync());
      flushing.catch(() => {}); // handled where it is awaited (below): not an unhandled rejection meanwhile
    }
  };
  try {
    for await (const chunk of input) {
      size += chunk.length;
      if (size > maxBytes) throw new AppError("too_large", `The file is larger than the ${formatBytes(maxBytes)} upload limit.`);
      hash.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= 1024 * 1024) {
        await writing;
        writeBatch();
      }
    }
    if (batchBytes > 0) writeBatch();
    await writing;
    await flushing;
    await handle.close();
    return { path: tmpPath, sha256: hash.digest("hex"), size };
  } catch (error) {
    await writing.catch(() => {});
    await flushing.catch(() => {});
    await handle.close().catch(() => {});
    // On a disk gone read-only the partial file stays until the next start's tmp/ sweep.
    await fsp.rm(tmpPath, { force: true }).catch(() => {});
    throw diskWriteError(error);
  }
}

/** Writes all of `buffers` at `position`, however many calls that takes. */
async function writeAll(handle: fsp.FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let remaining = buffers;
  let at = position;
  while (remaining.length > 0) {
    const { bytesWritten } = await handle.writev(remaining, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const buffer of remaining) {
      if (skip >= buffer.length) {
        skip -= buffer.length;
        continue;
      }
      rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
      skip = 0;
    }
    remaining = rest;
  }
}

/**
 * Writes a regenerable file (thumbnail, poster…) atomically: readers see the old file or the
 * whole new one, never a partial write. No fsync: after a power cut it may be missing, and the
 * job that made it can run again; originals go through writeTempFile + linkOriginal instead.
 */
export async function writeDerivedFile(destination: string, data: Buffer, tmpDir: string): Promise<void> {
  const tmpPath = path.join(tmpDir, `derived-${randomUUID()}`);
  await fsp.writeFile(tmpPath, data, { mode: 0o600, flag: "wx" });
  try {
    await fsp.mkdir(path.dirname(destination), { recursive: true });
    await fsp.rename(tmpPath, destination);
  } catch (error) {
    await fsp.rm(tmpPath, { force: true });
    throw error;
  }
}

/** fsyncs a file or directory. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a file on disk (hex). */
export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
