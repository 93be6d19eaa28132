import { AppError } from "@/lib/errors";

/** Body limits a route picks from: a few fields, or lists of ids (5,000–10,000 of them). */
export const JSON_LIMITS = { small: 16 * 1024, list: 1024 * 1024 } as const;

/** A JSON body that has not fully arrived after this long is refused (a slow-body attack on login). */
export const JSON_DEADLINE_MS = 10_000;

type ReadJsonOptions = { maxBytes?: number; deadlineMs?: number };

/**
 * The request body as JSON. The byte limit is enforced while the body streams in, whatever the
 * Content-Length says (or when there is none: chunked), so a client can never make the server
 * hold more than `maxBytes` of it: past the limit the stream is cancelled and the answer is 413.
 * A body that takes longer than `deadlineMs` is cut with 408. Malformed JSON is a 400.
 */
export async function readJson(request: Request, { maxBytes = JSON_LIMITS.small, deadlineMs = JSON_DEADLINE_MS }: ReadJsonOptions = {}): Promise<unknown> {
  const tooLarge = new AppError("too_large", `The JSON body is larger than ${maxBytes} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge;
  }
  if (!request.body) throw new AppError("bad_request", "The body must be JSON.");
  const reader = request.body.getReader();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => {});
  }, deadlineMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) throw new AppError("request_timeout", `The JSON body did not arrive within ${deadlineMs / 1000} s.`);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge;
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString("utf8")) as unknown;
  } catch {
    throw new AppError("bad_request", "The body must be JSON.");
  }
}
