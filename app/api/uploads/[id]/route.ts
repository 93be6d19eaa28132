import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { requestBodyStream } from "@/lib/http/request-body";
import { appendUpload } from "@/lib/uploads/append-upload";
import { cancelUpload } from "@/lib/uploads/cancel-upload";
import { getUpload } from "@/lib/uploads/get-upload";
import type { UploadState } from "@/lib/uploads/upload-files";

export const runtime = "nodejs";

const offsetHeader = z.string().regex(/^\d+$/).transform(Number);

function offsetHeaders(state: UploadState): HeadersInit {
  return { "Upload-Offset": String(state.offset), "Upload-Length": String(state.size), "Cache-Control": "no-store" };
}

/** The durable offset (to resume from) as headers. */
export const HEAD = apiRoute<{ id: string }>(async (_request, { deps, params }) => new Response(null, { headers: offsetHeaders(await getUpload(deps.db, params.id)) }));

export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  const state = await getUpload(deps.db, params.id);
  return Response.json(state, { headers: offsetHeaders(state) });
});

/** Appends the body at `Upload-Offset` (409 with the right offset when it differs). */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const parsed = offsetHeader.safeParse(request.headers.get("upload-offset") ?? undefined);
  if (!parsed.success) throw new AppError("bad_request", "Send the Upload-Offset header (bytes already on the box).");
  if (!request.body) throw new AppError("bad_request", "No bytes in the body.");
  try {
    const state = await appendUpload(deps.db, deps.paths, params.id, parsed.data, requestBodyStream(request.body, request.signal));
    return new Response(null, { status: 204, headers: offsetHeaders(state) });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const state = await getUpload(deps.db, params.id).catch(() => null);
      // Answered before the body was read: close the connection, or a browser (which sends no
      // Expect: 100-continue) keeps uploading into a socket nobody reads until a timeout.
      return Response.json({ error: { code: error.code, message: error.message } }, { status: 409, headers: { ...(state ? offsetHeaders(state) : {}), Connection: "close" } });
    }
    throw error;
  }
});

export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await cancelUpload(deps.db, deps.paths, params.id);
  return new Response(null, { status: 204 });
});
