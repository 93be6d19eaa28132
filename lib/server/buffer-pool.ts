/** Buffers lent for reads and given back once their bytes have left (see createBufferPool). */
export type BufferPool = {
  /** A buffer of `length` bytes (at most the pool's size): a free one reused, or a new one. */
  take: (length: number) => Buffer;
  /** Gives back a buffer `take` lent (any other buffer is ignored), to be read into again. */
  give: (chunk: Buffer) => void;
};

/**
 * A free list of `size`-byte buffers for one response: a read takes one, the socket write's
 * completion gives it back, and the next read reuses it. A fresh multi-megabyte buffer per chunk
 * costs the kernel a zeroed, faulted-in page for every 4 KiB sent (a third of the server's CPU on
 * a large GET, bench:dav); with the pool a download touches the same few buffers throughout. Never
 * waits: when none is free (more reads under way than writes completed) it allocates, and keeps
 * at most `keep` free buffers.
 */
export function createBufferPool(size: number, keep: number): BufferPool {
  const free: ArrayBuffer[] = [];
  const lent = new WeakSet<ArrayBuffer>();
  return {
    take: (length) => {
      if (length > size) throw new RangeError(`a pooled buffer holds ${size} bytes, not ${length}`);
      const memory = free.pop() ?? (Buffer.allocUnsafeSlow(size).buffer as ArrayBuffer);
      lent.add(memory);
      return Buffer.from(memory, 0, length);
    },
    give: (chunk) => {
      const memory = chunk.buffer as ArrayBuffer;
      if (!lent.has(memory)) return;
      lent.delete(memory);
      if (free.length < keep) free.push(memory);
    },
  };
}
