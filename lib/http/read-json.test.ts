import { describe, expect, it } from "vitest";
import { readJson } from "./read-json";

/** A request whose chunked body (no Content-Length) yields `chunks` chunks of `size` bytes; counts what was pulled. */
function streamed(chunks: number, size: number, options: { stallAfter?: number } = {}) {
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.stallAfter !== undefined && pulled.chunks >= options.stallAfter) return new Promise<void>(() => {});
      if (pulled.chunks >= chunks) return controller.close();
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const request = new Request("http://127.0.0.1/api/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readJson", () => {
  it("parses a body within the limit", async () => {
    const request = new Request("http://127.0.0.1/api/x", { method: "POST", body: JSON.stringify({ a: 1 }) });
    expect(await readJson(request)).toEqual({ a: 1 });
  });

  it("refuses a chunked body past the limit after reading just past it (hardening 2)", async () => {
    // 200 MiB offered in 64 KiB chunks without a Content-Length.
    const { request, pulled } = streamed(3200, 64 * 1024);
    await expect(readJson(request, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: "too_large", status: 413 });
    expect(pulled.chunks).toBeLessThanOrEqual(1024 / 64 + 2);
  });

  it("refuses a declared Content-Length past the limit without reading", async () => {
    const request = new Request("http://127.0.0.1/api/x", { method: "POST", body: "x".repeat(100), headers: { "content-length": "100" } });
    await expect(readJson(request, { maxBytes: 10 })).rejects.toMatchObject({ code: "too_large" });
  });

  it("cuts a body that stalls past the deadline", async () => {
    const { request } = streamed(10, 10, { stallAfter: 1 });
    const started = Date.now();
    await expect(readJson(request, { deadlineMs: 200 })).rejects.toMatchObject({ code: "request_timeout", status: 408 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers 400 for malformed JSON", async () => {
    await expect(readJson(new Request("http://127.0.0.1/api/x", { method: "POST", body: "{" }))).rejects.toMatchObject({ code: "bad_request" });
  });
});
