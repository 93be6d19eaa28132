import fs from "node:fs";
import zlib from "node:zlib";
import { AppError } from "@/lib/errors";
import { BLANKING_VERSION, planBlanking } from "@/lib/metadata-strip/plan-blanking";
import { readPatched, type Patch } from "@/lib/metadata-strip/patches";
import type { Db } from "@/lib/server/db";
import { inBatches } from "@/lib/server/in-batches";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { probeRegularFile } from "@/lib/server/stat-regular-file";
import type { ZipSource } from "./stream-zip";
import { planZip, type ZipLayout } from "./zip-layout";
import { safeZipNames } from "./zip-names";

/** What a ZIP of assets needs to know of each. */
export type ZipAsset = { id: string; sha256: string; ext: string; mimeType: string; originalName: string; capturedAt: Date };

/** `exact`: the originals byte for byte (the owner); `guest`: private metadata blanked. */
export type ZipVariant = "exact" | "guest";

export type AssetZip = { layout: ZipLayout; source: ZipSource; identity: string };

/**
 * The archive of `assets` in the given order: sizes from the files on disk (a missing original
 * refuses the whole download up front, 404/503, rather than failing part-way), names made safe
 * and unique (or `entryNames`, paths already made safe: a folder's tree), CRC-32s cached per
 * content hash and variant so a resumed download costs nothing.
 */
export async function assetZip(db: Db, paths: LibraryPaths, assets: ZipAsset[], variant: ZipVariant, entryNames?: string[]): Promise<AssetZip> {
  const files = await Promise.all(
    assets.map(async (asset) => {
      const file = originalPath(paths, asset.sha256, asset.ext);
      const probe = await probeRegularFile(file, paths.originals);
      if (probe.state === "unavailable") throw new AppError("unavailable", `An original cannot be read right now (${probe.code}); nothing was sent.`);
      if (probe.state === "absent") throw new AppError("not_found", `The original of ${asset.originalName} is missing from disk; restore it from a backup.`);
      return { file, size: probe.size };
    }),
  );
  const key = variant === "exact" ? "exact" : `guest-${BLANKING_VERSION}`;
  // The CRCs already known, in one read: a download that knows them streams the files untouched.
  const cached = new Map((await inBatches(assets.map((a) => a.sha256), (batch) => db.fileCrc.findMany({ where: { variant: key, sha256: { in: batch } } }))).flat().map((row) => [row.sha256, row.crc32 >>> 0]));
  const known = (i: number) => cached.get(assets[i]!.sha256);
  const names = entryNames ?? safeZipNames(assets.map((a) => a.originalName));
  const layout = planZip(assets.map((a, i) => ({ name: names[i]!, size: files[i]!.size, mtime: a.capturedAt })));
  const patchCache = new Map<number, Promise<Patch[]>>();
  const patchesOf = (i: number): Promise<Patch[]> => {
    if (variant === "exact") return Promise.resolve([]);
    let patches = patchCache.get(i);
    if (!patches) patchCache.set(i, (patches = planBlanking(files[i]!.file, assets[i]!.mimeType)));
    return patches;
  };
  const read = async function* (i: number, start: number, end: number) {
    const patches = await patchesOf(i);
    if (patches.length === 0) yield* fs.createReadStream(files[i]!.file, { start, end, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
    else yield* readPatched(files[i]!.file, patches, start, end);
  };
  const remember = async (i: number, crc: number) => {
    cached.set(assets[i]!.sha256, crc);
    await db.fileCrc.upsert({ where: { sha256_variant: { sha256: assets[i]!.sha256, variant: key } }, create: { sha256: assets[i]!.sha256, variant: key, crc32: crc | 0 }, update: { crc32: crc | 0 } });
  };
  const source: ZipSource = {
    read,
    learned: remember,
    known,
    crc: async (i) => {
      const crcKnown = known(i);
      if (crcKnown !== undefined) return crcKnown;
      let crc = 0;
      for await (const chunk of read(i, 0, files[i]!.size - 1)) crc = zlib.crc32(chunk, crc);
      await remember(i, crc >>> 0);
      return crc >>> 0;
    },
  };
  const identity = `${key}\n${assets.map((a, i) => `${a.sha256} ${names[i]} ${a.capturedAt.getTime()}`).join("\n")}`;
  return { layout, source, identity };
}
