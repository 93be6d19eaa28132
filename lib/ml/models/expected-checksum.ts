import { createHash } from "node:crypto";
import fs from "node:fs";

/** What a downloaded file must hash to: sha256 of the bytes, or the git blob id (sha1 of "blob <size>\0" + bytes). */
export type ExpectedChecksum = { algorithm: "sha256" | "git-sha1"; hex: string; source: string };

const bare = (value: string | null) => value?.replace(/^W\//, "").replace(/"/g, "").trim().toLowerCase() ?? "";

/**
 * The checksum to verify a file against: the manifest's pinned sha256 first, else what the
 * Hugging Face hub publishes on its `resolve` answer — `X-Linked-Etag` (sha256 of an LFS file) or
 * `ETag` (git blob sha1 of a regular file, or a sha256). Null when there is none to trust.
 */
export function expectedChecksum(pinnedSha256: string | undefined, hubHeaders: Headers): ExpectedChecksum | null {
  if (pinnedSha256) return { algorithm: "sha256", hex: pinnedSha256.toLowerCase(), source: "manifest" };
  const linked = bare(hubHeaders.get("x-linked-etag"));
  if (/^[0-9a-f]{64}$/.test(linked)) return { algorithm: "sha256", hex: linked, source: "X-Linked-Etag" };
  const etag = bare(hubHeaders.get("etag"));
  if (/^[0-9a-f]{64}$/.test(etag)) return { algorithm: "sha256", hex: etag, source: "ETag" };
  if (/^[0-9a-f]{40}$/.test(etag)) return { algorithm: "git-sha1", hex: etag, source: "ETag" };
  return null;
}

/** Hashes a file on disk the way `expected` says (streamed; files may be hundreds of MB). */
export async function hashFile(file: string, algorithm: ExpectedChecksum["algorithm"]): Promise<string> {
  const hash = createHash(algorithm === "sha256" ? "sha256" : "sha1");
  if (algorithm === "git-sha1") hash.update(`blob ${(await fs.promises.stat(file)).size}\0`);
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
