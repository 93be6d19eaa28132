import zlib from "node:zlib";
import tar from "tar-stream";

export type ZipItem = {
  name: string;
  data?: Buffer;
  deflate?: boolean;
  symlink?: boolean;
  /** Lie about the uncompressed size in the headers (for "declared vs actual" bombs). */
  declaredSize?: number;
};

/**
 * Writes a zip exactly as told — including names and attributes no well-behaved tool would
 * produce (`../`, absolute paths, symlinks, lying sizes) — for hostile-archive tests.
 */
export function writeZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const data = item.data ?? Buffer.alloc(0);
    const name = Buffer.from(item.name, "utf8");
    const body = item.deflate ? deflateOnce(data) : data;
    const crc = zlib.crc32(data) >>> 0;
    const size = item.declaredSize ?? data.length;
    const method = item.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const mode = item.symlink ? 0o120777 : item.name.endsWith("/") ? 0o40755 : 0o100644;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .tgz of the given files (and optional symlinks). */
export async function writeTgz(items: { name: string; data?: Buffer; symlinkTo?: string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const item of items) {
    if (item.symlinkTo) pack.entry({ name: item.name, type: "symlink", linkname: item.symlinkTo });
    else pack.entry({ name: item.name, size: item.data?.length ?? 0 }, item.data ?? Buffer.alloc(0));
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return zlib.gzipSync(Buffer.concat(chunks));
}

const deflated = new WeakMap<Buffer, Buffer>();
/** Deflates each buffer once, however many entries carry it (bombs repeat one large part). */
function deflateOnce(data: Buffer): Buffer {
  let body = deflated.get(data);
  if (!body) deflated.set(data, (body = zlib.deflateRawSync(data)));
  return body;
}

/** A DOCX of a few MB whose `parts` headers each inflate to `partMb` MB of one-letter runs (1.6 GB by default). */
export function makeBloatedDocx(parts = 40, partMb = 40): Buffer {
  const run = "<w:p><w:r><w:t>x</w:t></w:r></w:p>";
  const xml = Buffer.from(`<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${run.repeat(Math.floor((partMb * 1e6) / run.length))}</w:hdr>`);
  return writeZip([...docxItems(["bloated"]), ...Array.from({ length: parts }, (_, i) => ({ name: `word/header${i + 1}.xml`, deflate: true, data: xml }))]);
}

/** A minimal but valid DOCX whose body is the given paragraphs. */
export function makeDocx(paragraphs: string[]): Buffer {
  return writeZip(docxItems(paragraphs));
}

function docxItems(paragraphs: string[]): ZipItem[] {
  const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return [
    { name: "[Content_Types].xml", deflate: true, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`) },
    { name: "_rels/.rels", deflate: true, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: "word/document.xml", deflate: true, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xml(p)}</w:t></w:r></w:p>`).join("")}</w:body></w:document>`) },
  ];
}
