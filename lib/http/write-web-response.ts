import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * Writes a web Response to a Node response: status, headers (each Set-Cookie kept apart), body
 * (none for HEAD); a client going away stops the body. Resolves once the body is handed over.
 */
export async function writeWebResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (!response.body || method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  res.on("close", () => body.destroy());
  body.pipe(res);
}
