import { classifyEntry, unsafeEntryName, type EntryPlace } from "./classify-entry";
import { readTakeoutJson, type TakeoutAlbumMeta, type TakeoutSidecar } from "./parse-sidecar";
import type { ArchivePart } from "./read-archive";

export type EntryKind = "media" | "sidecar" | "album-meta" | "drive" | "other" | "directory";

export type CatalogueEntry = { part: string; path: string; size: number; kind: EntryKind; place: EntryPlace };

export type Catalogue = {
  entries: CatalogueEntry[];
  sidecars: Map<string, TakeoutSidecar>;
  /** album folder (normalised Photos-area dir) → its metadata */
  albums: Map<string, TakeoutAlbumMeta>;
};

export type TakeoutLimits = { maxEntries: number; maxTotalBytes: number; maxRatio: number; maxJsonBytes: number };

export const DEFAULT_LIMITS: TakeoutLimits = { maxEntries: 1_000_000, maxTotalBytes: 4 * 1024 ** 4, maxRatio: 200, maxJsonBytes: 4 * 1024 * 1024 };

/** A hostile or broken archive: the import stops, having written nothing but temp files. */
export class TakeoutAbort extends Error {
  constructor(readonly part: string, message: string) {
    super(`${part}: ${message}`);
    this.name = "TakeoutAbort";
  }
}

const NESTED_ARCHIVE = /\.(zip|tgz|tar|gz|bz2|xz|7z|rar)$/i;

export function entryKey(part: string, entryPath: string): string {
  return `${part}\u0000${entryPath}`;
}

/**
 * Pass 1: reads every part's entry list (and its small JSON files) without extracting anything,
 * refusing hostile archives (unsafe names, symlinks, too many entries, too many bytes, compression
 * ratios of a bomb, archives nested in the Photos area). All parts form one catalogue, because a
 * photo and its JSON can be in different parts.
 */
export async function catalogueParts(parts: ArchivePart[], limits: TakeoutLimits = DEFAULT_LIMITS): Promise<Catalogue> {
  const catalogue: Catalogue = { entries: [], sidecars: new Map(), albums: new Map() };
  let totalBytes = 0;
  for (const part of parts) {
    await part.walk(async (entry, open) => {
      const unsafe = unsafeEntryName(entry.path);
      if (unsafe) throw new TakeoutAbort(part.name, `entry ${JSON.stringify(entry.path)} ${unsafe}`);
      if (entry.type === "symlink") throw new TakeoutAbort(part.name, `entry ${JSON.stringify(entry.path)} is a symbolic link`);
      if (catalogue.entries.length >= limits.maxEntries) throw new TakeoutAbort(part.name, `more than ${limits.maxEntries} entries`);
      totalBytes += entry.size;
      if (totalBytes > limits.maxTotalBytes) throw new TakeoutAbort(part.name, `more than ${limits.maxTotalBytes} bytes uncompressed in all`);
      if (entry.compressedSize !== null && entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        throw new TakeoutAbort(part.name, `entry ${JSON.stringify(entry.path)} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))}× (a zip bomb)`);
      }
      const place = classifyEntry(entry.path);
      if (entry.type === "directory") return void catalogue.entries.push({ part: part.name, path: entry.path, size: 0, kind: "directory", place });
      if (entry.type !== "file") return void catalogue.entries.push({ part: part.name, path: entry.path, size: entry.size, kind: "other", place });
      let kind: EntryKind = place.area === "drive" ? "drive" : place.area === "other" ? "other" : "media";
      if (place.area === "photos" && NESTED_ARCHIVE.test(place.name)) throw new TakeoutAbort(part.name, `archive nested in the Photos area: ${JSON.stringify(entry.path)}`);
      if (place.area === "photos" && place.json) {
        kind = "other";
        if (entry.size <= limits.maxJsonBytes) {
          const json = await readJson(await open(), entry.size).catch((error: unknown) => {
            throw new TakeoutAbort(part.name, `entry ${JSON.stringify(entry.path)}: ${(error as Error).message}`);
          });
          const parsed = readTakeoutJson(json);
          if (parsed.kind === "sidecar") {
            kind = "sidecar";
            catalogue.sidecars.set(entryKey(part.name, entry.path), parsed.sidecar);
          } else if (parsed.kind === "album") {
            kind = "album-meta";
            catalogue.albums.set(albumKey(place.dir), parsed.album);
          }
        }
      }
      catalogue.entries.push({ part: part.name, path: entry.path, size: entry.size, kind, place });
    });
  }
  return catalogue;
}

/** An album folder's identity across parts (Unicode form and case folded). */
export function albumKey(dir: string): string {
  return dir.normalize("NFC").toLowerCase();
}

async function readJson(stream: AsyncIterable<Buffer>, declared: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > declared) throw new Error("JSON entry larger than declared");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return null;
  }
}
