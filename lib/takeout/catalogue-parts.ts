import { unsafeEntryName, type EntryPlace } from "./classify-entry";
import type { ArchivePart } from "./read-archive";

export type EntryKind = "media" | "sidecar" | "album-meta" | "drive" | "other" | "directory";

export type CatalogueEntry = { part: string; path: string; size: number; kind: EntryKind; place: EntryPlace };

export type Catalogue = { entries: CatalogueEntry[] };

/**
 * What one kind of export (Takeout, iCloud) says about its entries: where an entry belongs, and
 * which small files of the media area are metadata to read during the catalogue (`read` gets their
 * text, keeps what it needs and says what the entry is).
 */
export type CatalogueReader = {
  classify: (entryPath: string) => EntryPlace;
  isMetadata: (place: EntryPlace) => boolean;
  read: (key: string, place: EntryPlace, text: string) => EntryKind;
  /** An archive inside the media area: a forged export (abort) or a known extra to list (a reason). */
  nestedArchive: (place: EntryPlace) => string | null;
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

export const NESTED_ARCHIVE = /\.(zip|tgz|tar|gz|bz2|xz|7z|rar)$/i;

export function entryKey(part: string, entryPath: string): string {
  return `${part}\u0000${entryPath}`;
}

/**
 * Pass 1: reads every part's entry list (and its small metadata files, through `reader`) without
 * extracting anything, refusing hostile archives (unsafe names, symlinks, too many entries, too
 * many bytes, compression ratios of a bomb, archives nested in the media area). All parts form one
 * catalogue, because a photo and its metadata can be in different parts.
 */
export async function catalogueParts(parts: ArchivePart[], reader: CatalogueReader, limits: TakeoutLimits = DEFAULT_LIMITS): Promise<Catalogue> {
  const catalogue: Catalogue = { entries: [] };
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
      const place = reader.classify(entry.path);
      if (entry.type === "directory") return void catalogue.entries.push({ part: part.name, path: entry.path, size: 0, kind: "directory", place });
      if (entry.type !== "file") return void catalogue.entries.push({ part: part.name, path: entry.path, size: entry.size, kind: "other", place });
      let kind: EntryKind = place.area === "drive" ? "drive" : place.area === "other" ? "other" : "media";
      if (place.area === "photos" && NESTED_ARCHIVE.test(place.name)) {
        const reason = reader.nestedArchive(place);
        if (reason === null) throw new TakeoutAbort(part.name, `archive nested in the Photos area: ${JSON.stringify(entry.path)}`);
        return void catalogue.entries.push({ part: part.name, path: entry.path, size: entry.size, kind: "other", place: { area: "other", reason } });
      }
      if (reader.isMetadata(place)) {
        kind = "other";
        if (entry.size <= limits.maxJsonBytes) {
          const text = await readText(await open(), entry.size).catch((error: unknown) => {
            throw new TakeoutAbort(part.name, `entry ${JSON.stringify(entry.path)}: ${(error as Error).message}`);
          });
          kind = reader.read(entryKey(part.name, entry.path), place, text);
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

async function readText(stream: AsyncIterable<Buffer>, declared: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > declared) throw new Error("metadata entry larger than declared");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
