import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { readFileRange } from "@/lib/server/read-file-range";
import { streamZip, type ZipSource } from "./stream-zip";
import { writeZip } from "./write-zip";
import { planZip } from "./zip-layout";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-write-zip-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("writeZip", () => {
  it("writes the archive through a few reused buffers, each read into again only after its write completed", async () => {
    // Four files of two 4 MiB reads each: eight data chunks.
    const files = [0, 1, 2, 3].map((i) => {
      const file = path.join(dir, `${i}.bin`);
      fs.writeFileSync(file, randomBytes(5 * (1 << 20) + i));
      return file;
    });
    const layout = planZip(files.map((file, i) => ({ name: `${i}.bin`, size: fs.statSync(file).size, mtime: new Date(1e12) })));
    const source: ZipSource = {
      read: (i, start, end, pool) => readFileRange(files[i]!, start, end, pool),
      crc: async (i) => zlib.crc32(fs.readFileSync(files[i]!)) >>> 0,
    };
    const whole: Buffer[] = [];
    for await (const chunk of streamZip(layout, source)) whole.push(chunk);
    // A sink whose writes complete a little later, copying the bytes only then: a buffer read into
    // again before its write completed would show up as wrong bytes.
    const parts: Buffer[] = [];
    const memory = new Set<ArrayBufferLike>();
    let dataChunks = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (chunk.length >= 1 << 20) {
          dataChunks++;
          memory.add(chunk.buffer);
        }
        setTimeout(() => {
          parts.push(Buffer.from(chunk));
          done();
        }, 2);
      },
    });
    await writeZip(sink, { layout, source }, 0, layout.size - 1);
    await new Promise((resolve) => sink.end(resolve)); // the last writes complete
    expect(Buffer.concat(parts).equals(Buffer.concat(whole))).toBe(true);
    expect(dataChunks).toBe(8);
    expect(memory.size).toBeLessThanOrEqual(5);
  });
});
