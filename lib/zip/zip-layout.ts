/**
 * One file of an archive: its name inside, its exact size, its modification time. A `directory`
 * (an empty folder kept in the archive) has a name ending in "/" and size 0.
 */
export type ZipEntryInfo = { name: string; size: number; mtime: Date; directory?: boolean };

/** A byte span of the archive: fixed bytes, an entry's data, an entry's data descriptor, or the central directory. */
export type ZipSegment =
  | { kind: "bytes"; start: number; length: number; bytes: Buffer }
  | { kind: "data"; start: number; length: number; index: number }
  | { kind: "descriptor"; start: number; length: number; index: number }
  | { kind: "central"; start: number; length: number };

export type ZipLayout = { size: number; segments: ZipSegment[]; entries: ZipEntryInfo[]; offsets: number[] };

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAGS = 0x0808; // bit 3: CRC in a data descriptor after the data; bit 11: UTF-8 names
const DIRECTORY_FLAGS = 0x0800; // a directory has no data, so no descriptor: its CRC (0) is in the headers
const VERSION = 45; // 4.5: ZIP64
const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0;
const DIRECTORY_ATTRS = ((0o40755 << 16) | 0x10) >>> 0; // Unix drwxr-xr-x, MS-DOS directory bit

const flagsOf = (e: ZipEntryInfo) => (e.directory ? DIRECTORY_FLAGS : FLAGS);
const isBig = (e: ZipEntryInfo) => e.size >= MAX32;

/**
 * The byte layout of a stored (uncompressed) ZIP, computed from names and sizes alone, so its
 * total size is known before a byte is read and any byte range can be produced on its own. The
 * CRC-32s go in data descriptors (written after each entry's data) and in the central directory:
 * a full download computes each one while streaming, a resumed one takes them from the cache.
 * ZIP64 records appear only where a size, an offset or the entry count needs them.
 */
export function planZip(entries: ZipEntryInfo[]): ZipLayout {
  const segments: ZipSegment[] = [];
  const offsets: number[] = [];
  let at = 0;
  const push = (segment: ZipSegment) => {
    segments.push(segment);
    at += segment.length;
  };
  entries.forEach((entry, index) => {
    offsets.push(at);
    const local = localHeader(entry);
    push({ kind: "bytes", start: at, length: local.length, bytes: local });
    if (entry.size > 0) push({ kind: "data", start: at, length: entry.size, index });
    if (!entry.directory) push({ kind: "descriptor", start: at, length: isBig(entry) ? 24 : 16, index });
  });
  const centralStart = at;
  const centralLength = entries.reduce((sum, e, i) => sum + centralHeaderLength(e, offsets[i]!), 0);
  push({ kind: "central", start: at, length: centralLength });
  const end = endRecords(entries.length, centralStart, centralLength);
  push({ kind: "bytes", start: at, length: end.length, bytes: end });
  return { size: at, segments, entries, offsets };
}

/** The data descriptor of entry `index` once its CRC is known. */
export function dataDescriptor(entry: ZipEntryInfo, crc: number): Buffer {
  const big = isBig(entry);
  const buf = Buffer.alloc(big ? 24 : 16);
  buf.writeUInt32LE(0x08074b50, 0);
  buf.writeUInt32LE(crc >>> 0, 4);
  if (big) {
    buf.writeBigUInt64LE(BigInt(entry.size), 8);
    buf.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    buf.writeUInt32LE(entry.size, 8);
    buf.writeUInt32LE(entry.size, 12);
  }
  return buf;
}

/** The whole central directory once every CRC is known. */
export function centralDirectory(layout: ZipLayout, crcs: number[]): Buffer {
  return Buffer.concat(layout.entries.map((entry, i) => centralHeader(entry, layout.offsets[i]!, crcs[i]!)));
}

function localHeader(entry: ZipEntryInfo): Buffer {
  const name = Buffer.from(entry.name, "utf8");
  const big = isBig(entry);
  const extra = big ? zip64Extra([entry.size, entry.size]) : Buffer.alloc(0);
  const buf = Buffer.alloc(30);
  buf.writeUInt32LE(0x04034b50, 0);
  buf.writeUInt16LE(big ? VERSION : 20, 4);
  buf.writeUInt16LE(flagsOf(entry), 6);
  buf.writeUInt16LE(0, 8); // stored
  writeDosTime(buf, 10, entry.mtime);
  buf.writeUInt32LE(0, 14); // CRC: in the data descriptor
  buf.writeUInt32LE(big ? MAX32 : entry.size, 18);
  buf.writeUInt32LE(big ? MAX32 : entry.size, 22);
  buf.writeUInt16LE(name.length, 26);
  buf.writeUInt16LE(extra.length, 28);
  return Buffer.concat([buf, name, extra]);
}

function centralExtraFields(entry: ZipEntryInfo, offset: number): number[] {
  const fields = isBig(entry) ? [entry.size, entry.size] : [];
  if (offset >= MAX32) fields.push(offset);
  return fields;
}

function centralHeaderLength(entry: ZipEntryInfo, offset: number): number {
  const fields = centralExtraFields(entry, offset);
  return 46 + Buffer.byteLength(entry.name, "utf8") + (fields.length ? 4 + 8 * fields.length : 0);
}

function centralHeader(entry: ZipEntryInfo, offset: number, crc: number): Buffer {
  const name = Buffer.from(entry.name, "utf8");
  const fields = centralExtraFields(entry, offset);
  const extra = fields.length ? zip64Extra(fields) : Buffer.alloc(0);
  const big = isBig(entry);
  const buf = Buffer.alloc(46);
  buf.writeUInt32LE(0x02014b50, 0);
  buf.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix
  buf.writeUInt16LE(fields.length ? VERSION : 20, 6);
  buf.writeUInt16LE(flagsOf(entry), 8);
  buf.writeUInt16LE(0, 10);
  writeDosTime(buf, 12, entry.mtime);
  buf.writeUInt32LE(crc >>> 0, 16);
  buf.writeUInt32LE(big ? MAX32 : entry.size, 20);
  buf.writeUInt32LE(big ? MAX32 : entry.size, 24);
  buf.writeUInt16LE(name.length, 28);
  buf.writeUInt16LE(extra.length, 30);
  buf.writeUInt32LE(entry.directory ? DIRECTORY_ATTRS : EXTERNAL_ATTRS, 38);
  buf.writeUInt32LE(offset >= MAX32 ? MAX32 : offset, 42);
  return Buffer.concat([buf, name, extra]);
}

function zip64Extra(values: number[]): Buffer {
  const buf = Buffer.alloc(4 + 8 * values.length);
  buf.writeUInt16LE(0x0001, 0);
  buf.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => buf.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return buf;
}

function endRecords(count: number, centralStart: number, centralLength: number): Buffer {
  const zip64 = count >= MAX16 || centralStart >= MAX32 || centralLength >= MAX32;
  const parts: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE((3 << 8) | VERSION, 12);
    record.writeUInt16LE(VERSION, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(centralLength), 40);
    record.writeBigUInt64LE(BigInt(centralStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(centralStart + centralLength), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(centralLength, MAX32), 12);
  end.writeUInt32LE(Math.min(centralStart, MAX32), 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** MS-DOS date and time (2-second steps, 1980–2107), read in UTC so the bytes never depend on the box's zone. */
function writeDosTime(buf: Buffer, at: number, date: Date): void {
  const d = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date.getUTCFullYear() > 2107 ? new Date(Date.UTC(2107, 11, 31, 23, 59, 58)) : date;
  buf.writeUInt16LE((d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1), at);
  buf.writeUInt16LE(((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(), at + 2);
}
