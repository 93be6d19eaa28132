import { createSha256 } from "./sha256-stream";

const ONE_SHOT_LIMIT = 64 * 1024 * 1024;
const SLICE = 4 * 1024 * 1024;

/**
 * Hex SHA-256 of a blob: WebCrypto in one call for ordinary photos, an incremental hash over
 * 4 MB slices for big videos so memory stays flat.
 */
export async function hashBlob(blob: Blob): Promise<string> {
  if (blob.size <= ONE_SHOT_LIMIT) {
    const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  const hash = createSha256();
  for (let offset = 0; offset < blob.size; offset += SLICE) hash.update(new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer()));
  return hash.hex();
}
