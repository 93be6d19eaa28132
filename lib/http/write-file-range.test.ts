import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileRange } from "./write-file-range";

// A real listener and socket: the buffers are reused only after their write completed, so what
// arrives must be exactly the file's bytes, whatever the range and however the socket backs up.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-write-range-"));
const file = path.join(dir, "data.bin");
const data = randomBytes(3 * 1024 * 1024 + 12_345);
let server: http.Server;
let base = "";
const outcomes: Promise<string>[] = [];

beforeAll(async () => {
  fs.writeFileSync(file, data);
  server = http.createServer((req, res) => {
    const [name, range] = (req.url ?? "").slice(1).split("/") as [string, string];
    const [start, end] = range.split("-").map(Number) as [number, number];
    res.writeHead(200, { "Content-Length": String(end - start + 1) });
    outcomes.push(writeFileRange(res, path.join(dir, name), start, end).then(() => { res.end(); return "sent"; }, (error: NodeJS.ErrnoException) => String(error.code)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fetchBytes = async (start: number, end: number) => Buffer.from(await (await fetch(`${base}/data.bin/${start}-${end}`)).arrayBuffer());

describe("writeFileRange", () => {
  it("sends exactly the bytes of the range: whole file over several reused buffers, a middle range, one byte", async () => {
    expect((await fetchBytes(0, data.length - 1)).equals(data)).toBe(true);
    expect((await fetchBytes(1_000_001, 2_500_000)).equals(data.subarray(1_000_001, 2_500_001))).toBe(true);
    expect((await fetchBytes(data.length - 1, data.length - 1)).equals(data.subarray(-1))).toBe(true);
    expect(await Promise.all(outcomes)).toEqual(["sent", "sent", "sent"]);
  });

  it("stops with ERR_STREAM_PREMATURE_CLOSE when the client goes away mid-body", async () => {
    outcomes.length = 0;
    const size = 64 * 1024 * 1024; // more than the socket buffers of both ends hold
    fs.writeFileSync(path.join(dir, "big.bin"), Buffer.alloc(0));
    fs.truncateSync(path.join(dir, "big.bin"), size); // sparse: read back as zeros
    await new Promise<void>((resolve) => {
      const req = http.get(`${base}/big.bin/0-${size - 1}`, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => {});
    });
    expect(await outcomes[0]).toBe("ERR_STREAM_PREMATURE_CLOSE");
  });
});
