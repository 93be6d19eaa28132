import busboy from "busboy";
import { sanitizeName } from "@/lib/assets/ingest-upload";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import { recordIngestAttempt } from "@/lib/audit/record-ingest-attempt";
import { AppError } from "@/lib/errors";
import { requestBodyStream } from "@/lib/http/request-body";
import { writeTempFile } from "@/lib/server/storage";

export type SharedFileResult = { name: string; status: "ingested" | "duplicate" | "rejected"; message?: string };

const MAX_FILES = 200;

/**
 * The share target without a service worker (`POST /share`, multipart, files in part `files`):
 * each file is streamed to tmp/ and handed to the normal ingest path in turn, so one refused file
 * does not stop the others. Returns one result per file, in order; throws only for a body that is
 * not multipart at all.
 */
export async function ingestSharedFiles(deps: IngestDeps, request: { body: ReadableStream<Uint8Array> | null; contentType: string | null; client: string; signal?: AbortSignal }): Promise<SharedFileResult[]> {
  if (!request.body || !request.contentType?.toLowerCase().startsWith("multipart/form-data")) throw new AppError("bad_request", "Share files as multipart/form-data.");
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": request.contentType }, limits: { files: MAX_FILES, fields: 10, fieldSize: 4096 }, defParamCharset: "utf8" });
  } catch (error) {
    throw new AppError("bad_request", `Malformed multipart body: ${(error as Error).message}`);
  }
  const body = requestBodyStream(request.body, request.signal);
  const results: SharedFileResult[] = [];
  let work: Promise<void> = Promise.resolve();
  const one = async (stream: NodeJS.ReadableStream & AsyncIterable<Buffer>, name: string) => {
    let handedOver = false;
    try {
      const temp = await writeTempFile(stream, deps.paths.tmp, deps.config.maxUploadBytes);
      handedOver = true;
      const result = await ingestAsset(deps, { temp, fileName: name, source: "share", client: request.client });
      results.push({ name, status: result.status });
    } catch (error) {
      stream.resume();
      const message = error instanceof AppError ? error.message : "Something went wrong on the box; see the server log.";
      if (!handedOver) await recordIngestAttempt(deps.db, { source: "share", client: request.client, originalName: name, outcome: "rejected", errorCode: error instanceof AppError ? error.code : "internal", message });
      results.push({ name, status: "rejected", message });
    }
  };
  await new Promise<void>((resolve, reject) => {
    parser.on("file", (field, stream, info) => {
      if (field !== "files") return void stream.resume();
      const name = sanitizeName(info.filename);
      work = work.then(() => one(stream, name));
    });
    parser.on("close", () => void work.then(resolve, reject));
    parser.on("error", (error: Error) => reject(new AppError("bad_request", `Malformed multipart body: ${error.message}`)));
    body.on("error", (error) => reject(new AppError("bad_request", `The share was interrupted: ${error.message}`)));
    body.pipe(parser);
  }).catch(async (error: unknown) => {
    body.destroy();
    await work.catch(() => {});
    throw error;
  });
  return results;
}

