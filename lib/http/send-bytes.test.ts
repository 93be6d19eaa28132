import { describe, expect, it } from "vitest";
import { parseRange, sendBytes } from "./send-bytes";

const DATA = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
const ETAG = '"e"';

/** An entity of 100 bytes served in 7-byte chunks; records what was opened and whether the iterator was closed. */
function entity() {
  const log = { opened: [] as [number, number][], closed: false };
  const open = (start: number, end: number) => {
    log.opened.push([start, end]);
    return (async function* () {
      try {
        for (let at = start; at <= end; at += 7) yield DATA.subarray(at, Math.min(at + 7, end + 1));
      } finally {
        log.closed = true;
      }
    })();
  };
  return { log, open, entity: { size: DATA.length, etag: ETAG, headers: { "Content-Type": "application/octet-stream", "Cache-Control": "private" } } };
}

async function send(headers: Record<string, string> = {}, method = "GET") {
  const e = entity();
  const res = sendBytes(new Request("http://x/f", { method, headers }), e.entity, e.open);
  const body = res.body ? Buffer.from(await res.arrayBuffer()) : null;
  return { res, body, log: e.log };
}

describe("sendBytes", () => {
  it("sends the whole entity without a range, with its headers, ETag and length", async () => {
    const { res, body, log } = await send();
    expect(res.status).toBe(200);
    expect(body!.equals(DATA)).toBe(true);
    expect(Object.fromEntries(res.headers)).toMatchObject({ "content-type": "application/octet-stream", "cache-control": "private", etag: ETAG, "accept-ranges": "bytes", "content-length": "100", "x-content-type-options": "nosniff" });
    expect(res.headers.get("content-range")).toBeNull();
    expect(log.opened).toEqual([[0, 99]]);
  });

  it.each([
    ["bytes=10-19", 10, 19],
    ["bytes=-5", 95, 99],
    ["bytes=90-", 90, 99],
    ["bytes=90-500", 90, 99],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const { res, body, log } = await send({ range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/100`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(body!.equals(DATA.subarray(start, end + 1))).toBe(true);
    expect(log.opened).toEqual([[start, end]]);
  });

  it.each(["bytes=100-", "bytes=50-10", "bytes=-0"])("refuses %s with 416 and Content-Range */size, opening nothing", async (range) => {
    const { res, body, log } = await send({ range });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */100");
    expect(body?.length ?? 0).toBe(0);
    expect(log.opened).toEqual([]);
  });

  it("honours If-Range only when it names the current ETag", async () => {
    const same = await send({ range: "bytes=10-19", "if-range": ETAG });
    expect(same.res.status).toBe(206);
    expect(same.body!.equals(DATA.subarray(10, 20))).toBe(true);
    const stale = await send({ range: "bytes=10-19", "if-range": '"old"' });
    expect(stale.res.status).toBe(200);
    expect(stale.body!.equals(DATA)).toBe(true);
  });

  it("answers 304 to a matching If-None-Match and HEAD with headers only", async () => {
    const cached = await send({ "if-none-match": `"x", ${ETAG}` });
    expect(cached.res.status).toBe(304);
    expect(cached.log.opened).toEqual([]);
    const head = await send({ range: "bytes=0-9" }, "HEAD");
    expect(head.res.status).toBe(206);
    expect(head.res.headers.get("content-length")).toBe("10");
    expect(head.res.headers.get("content-range")).toBe("bytes 0-9/100");
    expect(head.log.opened).toEqual([]);
  });

  it("closes the source when the reader cancels part-way", async () => {
    const e = entity();
    const reader = sendBytes(new Request("http://x/f"), e.entity, e.open).body!.getReader();
    expect((await reader.read()).value!.length).toBe(7);
    await reader.cancel();
    expect(e.log.closed).toBe(true);
  });
});

describe("parseRange", () => {
  it("serves the whole entity for no, multi or stale If-Range requests", () => {
    expect(parseRange(null, 100, null, ETAG)).toBeNull();
    expect(parseRange("bytes=0-1,5-6", 100, null, ETAG)).toBeNull();
    expect(parseRange("bytes=0-1", 100, '"old"', ETAG)).toBeNull();
  });
});
