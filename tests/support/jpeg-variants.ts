import sharp from "sharp";

const bases = new Map<number, Promise<Buffer>>();

/**
 * A small real JPEG whose bytes differ per `n` (a comment segment after SOI), so each hashes to
 * its own SHA-256 while decoding to the same picture: many distinct photos without many fixtures.
 */
export async function jpegVariant(n: number, size = 32): Promise<Buffer> {
  if (!bases.has(size)) bases.set(size, sharp({ create: { width: size, height: size, channels: 3, background: { r: 90, g: 140, b: 200 } } }).jpeg({ quality: 80 }).toBuffer());
  const base = await bases.get(size)!;
  const text = Buffer.from(`albums test photo ${n}`);
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]);
}
