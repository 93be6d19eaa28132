import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/**
 * A request body as a Node stream that errors when the client goes away (Next's body stream can
 * otherwise just stall), so partial writes are cleaned up or recorded at once.
 */
export function requestBodyStream(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Readable {
  const stream = Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
  const abort = () => stream.destroy(new Error("the client went away"));
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort, { once: true });
  return stream;
}
