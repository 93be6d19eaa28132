import fs from "node:fs/promises";
import busboy from "busboy";
import { z } from "zod";
import { INGEST_SOURCES, recordIngestAttempt } from "@/lib/audit/record-ingest-attempt";
import { AppError } from "@/lib/errors";
import { requestBodyStream } from "@/lib/http/request-body";
import { writeTempFile, type TempFile } from "@/lib/server/storage";
import { ingestAsset, type IngestDeps, type IngestResult } from "./ingest-asset";
import { cleanFileName } from "./clean-file-name";

const fieldsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, "must be a hex SHA-256 digest").optional(),
  capturedAt: z.iso.datetime({ offset: true, local: true }).optional(),
  source: z.enum(INGEST_SOURCES).default("upload"),
});

export type UploadRequest = {
  body: ReadableStream<Uint8Array> | null;
  contentType: string | null;
  client: string;
  /** Aborts when the client goes away mid-upload: the partial temp file is then removed at once. */
  signal?: AbortSignal;
};

type Received = { temp: TempFile | null; fileName: string; fields: Record<string, string> };

/**
 * `POST /api/ingest`: reads a multipart body (one file in part `file`, optional fields `sha256`,
 * `capturedAt`, `source`, before or after the file), streaming the file into tmp/, then runs the
 * ingest path. Rejections before ingest are audited here; ingestAsset audits the rest.
 */
export async function ingestUpload(deps: IngestDeps, request: UploadRequest): Promise<IngestResult> {
  let received: Received | null = null;
  let handedOver = false;
  try {
    received = await receiveMultipart(request, deps.paths.tmp, deps.config.maxUploadBytes);
    const parsed = fieldsSchema.safeParse(received.fields);
    if (!parsed.success) {
      throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    }
    if (!received.temp) throw new AppError("bad_request", "No file: send it in the multipart part named `file`.");
    const { sha256, capturedAt, source } = parsed.data;
    handedOver = true; // from here ingestAsset owns the temp file and audits the outcome
    return await ingestAsset(deps, {
      temp: received.temp,
      fileName: received.fileName,
      declaredSha256: sha256,
      capturedAt: capturedAt ? new Date(capturedAt) : undefined,
      source,
      client: request.client,
    });
  } catch (error) {
    if (!handedOver) {
      if (received?.temp) await fs.rm(received.temp.path, { force: true });
      await recordIngestAttempt(deps.db, {
        source: received?.fields.source ?? "upload", client: request.client, originalName: received?.fileName ?? "(unknown)",
        outcome: "rejected", errorCode: error instanceof AppError ? error.code : "internal", message: (error as Error).message,
      });
    }
    throw error;
  }
}

/** Audits an upload refused for lack of identity (its body is never read). */
export async function recordUnauthorizedUpload(deps: IngestDeps): Promise<void> {
  await recordIngestAttempt(deps.db, { source: "unknown", client: "anonymous", originalName: "(not read)", outcome: "rejected", errorCode: "unauthorized", message: "no identity" });
}

/** Streams the `file` part into tmp/ and collects the text fields; cleans up after itself on failure. */
function receiveMultipart(request: UploadRequest, tmpDir: string, maxBytes: number): Promise<Received> {
  if (!request.body || !request.contentType?.toLowerCase().startsWith("multipart/form-data")) {
    return Promise.reject(new AppError("bad_request", "Send the file as multipart/form-data."));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": request.contentType }, limits: { files: 1, fields: 20, fieldSize: 4096, parts: 25 }, defParamCharset: "utf8" });
  } catch (error) {
    return Promise.reject(new AppError("bad_request", `Malformed multipart body: ${(error as Error).message}`));
  }
  const body = requestBodyStream(request.body, request.signal);
  return new Promise<Received>((resolve, reject) => {
    const result: Received = { temp: null, fileName: "(none)", fields: {} };
    let writing: Promise<void> = Promise.resolve();
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.destroy();
      parser.destroy();
      void writing.then(async () => {
        if (result.temp) await fs.rm(result.temp.path, { force: true });
        reject(error);
      });
    };
    parser.on("field", (name, value) => {
      result.fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      result.fileName = sanitizeName(info.filename);
      writing = writeTempFile(stream, tmpDir, maxBytes).then(
        (temp) => {
          result.temp = temp;
        },
        (error: unknown) => fail(error),
      );
    });
    parser.on("error", (error: Error) => fail(new AppError("bad_request", `Malformed multipart body: ${error.message}`)));
    parser.on("close", () => {
      void writing.then(() => {
        if (settled) return;
        settled = true;
        resolve(result);
      });
    });
    body.on("error", (error) => fail(new AppError("bad_request", `The upload was interrupted: ${error.message}`)));
    body.pipe(parser);
  });
}

/** A multipart file name (browsers percent-escape `"`, CR and LF in it), cleaned like every name. */
export function sanitizeName(name: string | undefined): string {
  return cleanFileName((name ?? "").replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n"));
}
