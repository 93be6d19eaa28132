import { createHash } from "node:crypto";
import type { ByteEntity } from "@/lib/http/send-bytes";
import { contentDisposition } from "@/lib/http/send-file";

/**
 * A ZIP download as a byte entity (lib/http/send-bytes.ts): its exact size, a strong ETag naming
 * the archive's content (`identity`: the files' hashes, names and variant), type, caching and the
 * file name it is saved under.
 */
export function zipEntity(size: number, options: { fileName: string; identity: string; cacheControl?: string }): ByteEntity {
  return {
    size,
    etag: `"zip-${createHash("sha256").update(options.identity).digest("hex").slice(0, 32)}"`,
    headers: {
      "Content-Type": "application/zip",
      "Cache-Control": options.cacheControl ?? "private, no-cache",
      "Content-Disposition": contentDisposition("attachment", options.fileName),
    },
  };
}
