import fs from "node:fs";
import net from "node:net";
import { toBytes } from "./vector-bytes";

export type TextEmbedder = (text: string) => Promise<{ model: string; vector: Float32Array }>;

const MAX_REQUEST = 4096;

/**
 * Serves query embeddings to the web server over a unix socket (the worker holds the models; the
 * server stays small): each line `{"text": …}` gets `{"model", "vector": base64 float32}` or
 * `{"error"}`. The socket is owner-only; a stale one from a crashed worker is replaced.
 */
export async function serveTextEmbeddings(socketPath: string, embed: TextEmbedder): Promise<net.Server> {
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    let buffer = "";
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      if (buffer.length > MAX_REQUEST) return socket.end(`${JSON.stringify({ error: "request too long" })}\n`);
      const end = buffer.indexOf("\n");
      if (end < 0) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      void answer(line, embed).then((reply) => socket.write(`${JSON.stringify(reply)}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(socketPath, resolve));
  fs.chmodSync(socketPath, 0o600);
  return server;
}

async function answer(line: string, embed: TextEmbedder): Promise<object> {
  try {
    const { text } = JSON.parse(line) as { text?: unknown };
    if (typeof text !== "string") return { error: "text must be a string" };
    const { model, vector } = await embed(text);
    return { model, vector: Buffer.from(toBytes(vector)).toString("base64") };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
