/** What is being sent: its length, a strong ETag naming its bytes, and the headers it carries (type, caching, disposition…). */
export type ByteEntity = { size: number; etag: string; headers: HeadersInit };

/** Produces bytes `start`..`end` (inclusive) of the entity, in order; closing the iterator early (a dropped download) releases what it holds. */
export type OpenBytes = (start: number, end: number) => AsyncIterable<Uint8Array>;

/** How a byte request is answered: its status, headers, and the inclusive range to send (null: no body). */
export type BytePlan = { status: 200 | 206 | 304 | 416; headers: Headers; body: { start: number; end: number } | null };

/**
 * The one place byte requests are decided (files, guest files, ZIPs, WebDAV): a strong ETag,
 * conditional GET (`If-None-Match` → 304), one byte range (206 with `Content-Range`; unsatisfiable
 * → 416 with `bytes *\/size`; `If-Range` with another ETag, or several ranges, → the whole entity),
 * `HEAD` (no body), `nosniff`. `header(name)` reads a request header (lower-case name).
 */
export function planBytes(method: string, header: (name: string) => string | null, entity: ByteEntity): BytePlan {
  const headers = new Headers(entity.headers);
  headers.set("ETag", entity.etag);
  headers.set("Accept-Ranges", "bytes");
  headers.set("X-Content-Type-Options", "nosniff");
  const ifNoneMatch = header("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === entity.etag || tag.trim() === "*")) {
    return { status: 304, headers, body: null };
  }
  // An empty entity has no byte to range over: it is answered whole (200, empty), not 416.
  const range = entity.size === 0 ? null : parseRange(header("range"), entity.size, header("if-range"), entity.etag);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${entity.size}`);
    return { status: 416, headers, body: null };
  }
  const { start, end } = range ?? { start: 0, end: entity.size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${entity.size}`);
  const body = method === "HEAD" || entity.size === 0 ? null : { start, end };
  return { status: range ? 206 : 200, headers, body };
}

/**
 * A byte request answered as a web Response (see planBytes). The body is pulled from `open` one
 * chunk per read, so nothing is read ahead of the client and a cancelled response closes the
 * iterator.
 */
export function sendBytes(request: Request, entity: ByteEntity, open: OpenBytes): Response {
  const plan = planBytes(request.method, (name) => request.headers.get(name), entity);
  const body = plan.body ? pullFrom(open(plan.body.start, plan.body.end)) : null;
  return new Response(body, { status: plan.status, headers: plan.headers });
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
