import zlib from "node:zlib";
import { BLANKING_VERSION } from "@/lib/metadata-strip/plan-blanking";
import { cachedGuestCopy } from "@/lib/metadata-strip/cached-guest-copy";
import type { GuestCopy } from "@/lib/metadata-strip/plan-guest-copy";
import { readPatched, type Patch } from "@/lib/metadata-strip/patches";
import type { BufferPool } from "@/lib/server/buffer-pool";
import { readFileRange } from "@/lib/server/read-file-range";
import type { Db } from "@/lib/server/db";
import { readableOriginal } from "@/lib/libraries/read-original";
import { inBatches, SQL_BATCH } from "@/lib/server/in-batches";
import type { LibraryPaths } from "@/lib/server/paths";
import type { ZipSource } from "./stream-zip";
import { patchedCrc32 } from "./patched-crc";
import { planZip, type ZipLayout } from "./zip-layout";
import { safeZipNames } from "./zip-names";

/** Files whose guest CRC is derived ahead of the one streaming. */
const DERIVE_AHEAD = 4;

/** What a ZIP of assets needs to know of each. */
export type ZipAsset = { id: string; sha256: string; ext: string; mimeType: string; originalName: string; capturedAt: Date; motionPhoto?: boolean };

/** A folder tree's archive: each asset's path (already made safe), and the empty folders kept as directory entries ("Taxes/2025/"). */
export type ZipTree = { names: string[]; emptyFolders: { name: string; mtime: Date }[] };

/** `exact`: the originals byte for byte (the owner); `guest`: private metadata blanked. */
export type ZipVariant = "exact" | "guest";

export type AssetZip = { layout: ZipLayout; source: ZipSource; identity: string };

/**
 * The archive of `assets` in the given order: sizes from the files on disk (a missing original
 * refuses the whole download up front, 404/503, rather than failing part-way), names made safe
 * and unique (or a folder's `tree`: its paths, and its empty folders as directory entries after the
 * files), CRC-32s cached per content hash and variant so a resumed download costs nothing (the
 * originals' are recorded at ingest, so a first download reads each file once). A guest's Motion
 * Photo is cut before its appended video (lib/metadata-strip/plan-guest-copy.ts); its CRC is
 * computed from the kept bytes. A guest's plans are remembered per library (cachedGuestCopy), so
 * a second guest download costs about what the owner's does.
 */
export async function assetZip(db: Db, paths: LibraryPaths, assets: ZipAsset[], variant: ZipVariant, tree?: ZipTree): Promise<AssetZip> {
  const key = variant === "exact" ? "exact" : `guest-${BLANKING_VERSION}`;
  // The originals located, and the CRCs already known (this variant's, and the originals' recorded
  // at ingest) read at the same time: a download that knows them streams the files untouched.
  const [files, rows] = await Promise.all([
    Promise.all(
      assets.map(async (asset) => {
        const found = await readableOriginal(db, paths, asset);
        return { file: found.path, size: found.size };
      }),
    ),
    inBatches(assets.map((a) => a.sha256), (batch) => db.fileCrc.findMany({ where: { variant: { in: [key, "exact"] }, sha256: { in: batch } } })).then((batches) => batches.flat()),
  ]);
  const cached = new Map(rows.filter((row) => row.variant === key).map((row) => [row.sha256, row.crc32 >>> 0]));
  const originalCrcs = new Map(rows.filter((row) => row.variant === "exact").map((row) => [row.sha256, row.crc32 >>> 0]));
  const copies = new Map<number, Promise<GuestCopy>>();
  const copyOf = (i: number): Promise<GuestCopy> => {
    if (variant === "exact") return Promise.resolve({ patches: [], size: files[i]!.size });
    let copy = copies.get(i);
    if (!copy) copies.set(i, (copy = cachedGuestCopy(db, assets[i]!, files[i]!.file, files[i]!.size)));
    return copy;
  };
  const patchesOf = async (i: number): Promise<Patch[]> => (await copyOf(i)).patches;
  // Entry sizes up front (the layout needs them): only a guest's Motion Photos differ from the files.
  const sizes = await Promise.all(files.map(async (f, i) => (assets[i]!.motionPhoto ? (await copyOf(i)).size : f.size)));
  const cut = (i: number) => sizes[i] !== files[i]!.size;
  const names = tree?.names ?? safeZipNames(assets.map((a) => a.originalName));
  // Directories come after the files, so entry i is asset i (a directory has no bytes to read).
  const directories = (tree?.emptyFolders ?? []).map((f) => ({ name: `${f.name}/`, size: 0, mtime: f.mtime, directory: true }));
  const layout = planZip([...assets.map((a, i) => ({ name: names[i]!, size: sizes[i]!, mtime: a.capturedAt })), ...directories]);
  const read = async function* (i: number, start: number, end: number, pool?: BufferPool) {
    const patches = await patchesOf(i);
    if (patches.length === 0) yield* readFileRange(files[i]!.file, start, end, pool);
    else yield* readPatched(files[i]!.file, patches, start, end, pool);
  };
  // CRCs learned while streaming are written together once a second (and when the archive ends or
  // is cut): a commit per file cost more than the CRCs themselves.
  const pending = new Map<string, number>();
  let flushedAt = Date.now();
  const flush = async () => {
    flushedAt = Date.now();
    if (pending.size === 0) return;
    const rows = [...pending];
    pending.clear();
    // One statement a batch (3 parameters a row): Prisma's per-query cost is what a row costs here.
    await inBatches(rows, (batch) => db.$executeRawUnsafe(`INSERT OR REPLACE INTO "FileCrc" ("sha256", "variant", "crc32") VALUES ${batch.map(() => "(?, ?, ?)").join(", ")}`, ...batch.flatMap(([sha256, crc]) => [sha256, key, crc | 0])), SQL_BATCH / 2);
  };
  const remember = async (i: number, crc: number) => {
    if (cut(i)) return; // keyed by content hash: a cut copy's CRC is not the uncut one's
    cached.set(assets[i]!.sha256, crc);
    pending.set(assets[i]!.sha256, crc);
    if (Date.now() - flushedAt >= 1000) await flush();
  };
  // A guest's CRC follows from the original's and the blanked spans alone (lib/zip/patched-crc.ts);
  // the next few files' patches and CRCs are worked out while this one streams (their reads wait
  // on the thread pool, so more than one in flight keeps the stream from waiting on them).
  const derived = new Map<number, Promise<number | undefined>>();
  const derive = (i: number) => {
    let crc = derived.get(i);
    if (!crc) {
      const original = cut(i) ? undefined : originalCrcs.get(assets[i]!.sha256);
      derived.set(i, (crc = patchesOf(i).then((patches) => (original === undefined ? undefined : patchedCrc32(files[i]!.file, files[i]!.size, original, patches)))));
    }
    return crc;
  };
  const known = async (i: number) => {
    // The next files' plans (and CRCs, unless known) are worked out ahead, even when this CRC is
    // known: a guest download whose CRCs are cached would otherwise parse each file when it comes.
    if (variant === "guest") {
      for (let ahead = i + 1; ahead <= i + DERIVE_AHEAD && ahead < assets.length; ahead++) {
        (cached.has(assets[ahead]!.sha256) ? copyOf(ahead) : derive(ahead)).catch(() => {}); // its error, if any, comes when it is awaited
      }
    }
    if (cut(i)) return undefined;
    const crc = cached.get(assets[i]!.sha256);
    if (crc !== undefined) return crc;
    const crcDerived = await derive(i);
    if (crcDerived !== undefined) await remember(i, crcDerived);
    return crcDerived;
  };
  const source: ZipSource = {
    read,
    learned: remember,
    known,
    finished: flush,
    crc: async (i) => {
      const crcKnown = await known(i);
      if (crcKnown !== undefined) return crcKnown;
      let crc = 0;
      for await (const chunk of read(i, 0, sizes[i]! - 1)) crc = zlib.crc32(chunk, crc);
      await remember(i, crc >>> 0);
      return crc >>> 0;
    },
  };
  const identity = `${key}\n${[...assets.map((a, i) => `${a.sha256} ${sizes[i]} ${names[i]} ${a.capturedAt.getTime()}`), ...directories.map((d) => `dir ${d.name} ${d.mtime.getTime()}`)].join("\n")}`;
  return { layout, source, identity };
}
