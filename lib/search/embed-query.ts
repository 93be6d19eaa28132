import net from "node:net";
import { fromBytes } from "@/lib/ml/vector-bytes";

export type QueryEmbedding = { model: string; vector: Float32Array } | { unavailable: string };

/**
 * Asks the worker (which holds the CLIP text model) for a query's embedding over its local unix
 * socket: one JSON line out, one back. Never throws: a stopped worker, a missing model or a
 * timeout come back as `unavailable` with the reason, and search carries on without CLIP.
 */
export function embedQuery(socketPath: string, text: string, timeoutMs = 5_000): Promise<QueryEmbedding> {
  return new Promise((resolve) => {
    let buffer = "";
    const socket = net.connect(socketPath);
    const done = (result: QueryEmbedding) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ unavailable: "the worker did not answer in time" }));
    socket.on("error", (error: NodeJS.ErrnoException) => done({ unavailable: error.code === "ENOENT" || error.code === "ECONNREFUSED" ? "the worker is not running" : error.message }));
    socket.on("connect", () => socket.write(`${JSON.stringify({ text })}\n`));
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\n");
      if (end < 0) return;
      try {
        const reply = JSON.parse(buffer.slice(0, end)) as { model?: string; vector?: string; error?: string };
        if (reply.error || !reply.model || !reply.vector) return done({ unavailable: reply.error ?? "malformed reply" });
        done({ model: reply.model, vector: fromBytes(Buffer.from(reply.vector, "base64")) });
      } catch {
        done({ unavailable: "malformed reply" });
      }
    });
  });
}
