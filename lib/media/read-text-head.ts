import fs from "node:fs/promises";

/**
 * The first `maxBytes` of a file decoded as UTF-8 (a BOM dropped, a character cut at the end
 * dropped), or `text: null` when the bytes are not text (a NUL, invalid UTF-8). Never reads more
 * than `maxBytes + 1` bytes, whatever the file's size. I/O errors are thrown as they come.
 */
export async function readTextHead(file: string, maxBytes: number): Promise<{ text: string | null; truncated: boolean }> {
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
    const truncated = bytesRead > maxBytes;
    return { text: decodeText(buffer.subarray(0, Math.min(bytesRead, maxBytes)), truncated), truncated };
  } finally {
    await handle.close();
  }
}

/** UTF-8 text (a BOM dropped), or null for binary bytes; with `cut`, a cut-off last character is dropped. */
export function decodeText(bytes: Buffer, cut: boolean): string | null {
  if (bytes.includes(0)) return null;
  let end = bytes.length;
  // A cut may split a multi-byte character: back up to its first byte (at most 3 continuation bytes).
  if (cut) for (let i = 0; i < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; i++) end -= 1;
  if (cut && end > 0 && bytes[end - 1]! >= 0xc0) end -= 1;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
}
