import fs from "node:fs/promises";
import path from "node:path";
import { type ExpectedChecksum, expectedChecksum, hashFile } from "./expected-checksum";

export type DownloadFileOptions = {
  url: string;
  target: string;
  pinnedSha256?: string;
  /** Tries per file; a dropped connection resumes from the `.partial` file with an HTTP Range request. */
  attempts?: number;
  retryDelayMs?: number;
  onProgress?: (bytesDone: number, bytesTotal: number | null) => void;
};

export type DownloadedFile = { bytes: number; checksum: ExpectedChecksum; resumedFrom: number; commit: string | null };

/** A download that must not be retried (the server or the bytes are wrong, not the connection). */
export class DownloadRefused extends Error {
  override name = "DownloadRefused";
}

type Hop = { response: Response; hub: Headers };

/**
 * Downloads `url` into `target` through `<target>.partial`: resumes a partial file with a Range
 * request, verifies the size and checksum (see expectedChecksum), fsyncs, then renames into place
 * atomically. A checksum mismatch deletes the partial file and throws DownloadRefused.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadedFile> {
  const { attempts = 4, retryDelayMs = 1000 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptDownload(options);
    } catch (error) {
      if (error instanceof DownloadRefused || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
    }
  }
}

async function attemptDownload({ url, target, pinnedSha256, onProgress }: DownloadFileOptions): Promise<DownloadedFile> {
  const partial = `${target}.partial`;
  await fs.mkdir(path.dirname(target), { recursive: true });
  const resumedFrom = (await fs.stat(partial).catch(() => null))?.size ?? 0;
  const { response, hub } = await request(url, resumedFrom);
  const checksum = expectedChecksum(pinnedSha256, hub);
  if (!checksum) throw new DownloadRefused(`${url}: the server publishes no checksum (no X-Linked-Etag or ETag) and the manifest pins none; refusing an unverifiable file`);

  let offset = resumedFrom;
  if (response.status === 200) offset = 0;
  else if (response.status === 206) {
    const start = Number(/^bytes (\d+)-/.exec(response.headers.get("content-range") ?? "")?.[1]);
    if (start !== resumedFrom) throw new DownloadRefused(`${url}: asked for bytes from ${resumedFrom}, got ${response.headers.get("content-range")}`);
  }
  const total = totalSize(response, hub, offset);
  const handle = await fs.open(partial, offset === 0 ? "w" : "a");
  let done = offset;
  try {
    if (response.status !== 416) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        await handle.write(chunk);
        done += chunk.length;
        onProgress?.(done, total);
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }

  const size = (await fs.stat(partial)).size;
  if (total !== null && size !== total) {
    if (size > total || response.status === 416) await fs.rm(partial, { force: true });
    throw new Error(`${url}: got ${size} of ${total} bytes`);
  }
  const actual = await hashFile(partial, checksum.algorithm);
  if (actual !== checksum.hex) {
    await fs.rm(partial, { force: true });
    throw new DownloadRefused(`${url}: ${checksum.algorithm} is ${actual}, but ${checksum.source} says ${checksum.hex}; the download was deleted`);
  }
  await fs.rename(partial, target);
  await syncDirectory(path.dirname(target));
  return { bytes: size, checksum, resumedFrom: offset, commit: hub.get("x-repo-commit") };
}

/** GETs `url` (from byte `from`), following redirects by hand so the hub's own headers are kept. */
async function request(url: string, from: number): Promise<Hop> {
  let current = new URL(url);
  let hub: Headers | null = null;
  for (let hop = 0; hop < 6; hop++) {
    const response = await fetch(current, { redirect: "manual", headers: from > 0 ? { range: `bytes=${from}-` } : {} });
    hub ??= response.headers;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, current);
      if (next.protocol !== "https:" && !(next.protocol === "http:" && current.protocol === "http:")) {
        throw new DownloadRefused(`${url}: refusing a redirect to ${next.protocol}//${next.host}`);
      }
      current = next;
      continue;
    }
    if (response.ok || response.status === 416) return { response, hub };
    const body = (await response.text()).slice(0, 200);
    const message = `${current.href} answered ${response.status}: ${body}`;
    throw response.status >= 500 || response.status === 429 ? new Error(message) : new DownloadRefused(message);
  }
  throw new DownloadRefused(`${url}: too many redirects`);
}

function totalSize(response: Response, hub: Headers, offset: number): number | null {
  const linked = Number(hub.get("x-linked-size"));
  if (linked > 0) return linked;
  const range = /\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1];
  if (range) return Number(range);
  const length = response.headers.get("content-length");
  return length !== null && response.status !== 416 ? offset + Number(length) : null;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
