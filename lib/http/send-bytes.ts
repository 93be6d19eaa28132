/** What is being sent: its length, a strong ETag naming its bytes, and the headers it carries (type, caching, disposition…). */
export type ByteEntity = { size: number; etag: string; headers: HeadersInit };

/** Produces bytes `start`..`end` (inclusive) of the entity, in order; closing the iterator early (a dropped download) releases what it holds. */
export type OpenBytes = (start: number, end: number) => AsyncIterable<Uint8Array>;

/**
 * The one answerer of byte requests (files, guest files, ZIPs): a strong ETag, conditional GET
 * (`If-None-Match` → 304), one byte range (206 with `Content-Range`; unsatisfiable → 416 with
 * `bytes *\/size`; `If-Range` with another ETag, or several ranges, → the whole entity), `HEAD`,
 * `nosniff`. The body is pulled from `open` one chunk per read, so nothing is read ahead of the
 * client and a cancelled response closes the iterator.
 */
export function sendBytes(request: Request, entity: ByteEntity, open: OpenBytes): Response {
  const headers = new Headers(entity.headers);
  headers.set("ETag", entity.etag);
  headers.set("Accept-Ranges", "bytes");
  headers.set("X-Content-Type-Options", "nosniff");
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === entity.etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const range = parseRange(request.headers.get("range"), entity.size, request.headers.get("if-range"), entity.etag);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${entity.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: entity.size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${entity.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || entity.size === 0) return new Response(null, { status, headers });
  return new Response(pullFrom(open(start, end)), { status, headers });
}

/** Parses one `bytes=` range; null = whole entity, "invalid" = unsatisfiable. Multi-ranges get the whole entity. */
export function parseRange(header: string | null, size: number, ifRange: string | null, etag: string): { start: number; end: number } | null | "invalid" {
  if (!header || (ifRange && ifRange !== etag)) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, from, to] = m;
  if (from === "" && to === "") return "invalid";
  let start: number;
  let end: number;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "invalid";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return { start, end };
}

/**
 * A byte stream pulled straight from the iterator, one chunk per read (Readable.from wrapped by
 * Readable.toWeb gave a quarter of the throughput); cancelling it closes the iterator, which
 * closes the file it was reading.
 */
function pullFrom(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
