import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { planBytes } from "@/lib/http/send-bytes";
import { contentDisposition } from "@/lib/http/send-file";
import type { AssetZip } from "./asset-zip";
import { writeZip } from "./write-zip";

/**
 * Answers a ZIP download on the Node response itself: exact `Content-Length` up front, a strong
 * ETag naming the archive's content (its identity: the files' hashes, names and variant), one byte
 * range (206/416, `If-Range`: planBytes decides, as for every byte answer), so `curl -C -` or a
 * browser resumes a dropped download and gets the same archive; the bytes are written by writeZip. A client that goes away part-way ends it quietly (every file closed); a
 * failure after the headers (a file changed on disk) cuts the connection, so the client sees a
 * short download rather than a wrong one, and is thrown for the caller to log.
 */
export async function writeZipResponse(request: Request, res: ServerResponse, zip: AssetZip, options: { fileName: string }): Promise<void> {
  const plan = planBytes(request.method, (name) => request.headers.get(name), {
    size: zip.layout.size,
    etag: `"zip-${createHash("sha256").update(zip.identity).digest("hex").slice(0, 32)}"`,
    headers: { "Content-Type": "application/zip", "Cache-Control": "private, no-cache", "Content-Disposition": contentDisposition("attachment", options.fileName) },
  });
  res.writeHead(plan.status, Object.fromEntries(plan.headers));
  if (!plan.body) {
    res.end();
    return;
  }
  try {
    await writeZip(res, zip, plan.body.start, plan.body.end);
    res.end();
  } catch (error) {
    res.destroy();
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  }
}
