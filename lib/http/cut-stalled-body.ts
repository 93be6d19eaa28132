import type { IncomingMessage } from "node:http";

/**
 * Destroys the connection of a request whose body stops arriving for `idleMs` (the client went
 * quiet, or its network changed and the old connection will never finish), so a slow or stalled
 * body cannot hold a socket, and the route reading it sees the request aborted at once (a
 * resumable upload then records what arrived and releases its lock). Only the client's silence
 * counts: while bytes wait unread in the request's buffer, the route is the slow side.
 */
export function cutStalledBody(req: IncomingMessage, idleMs: number): void {
  if (!req.headers["content-length"] && !req.headers["transfer-encoding"]) return;
  const socket = req.socket;
  let seen = socket.bytesRead;
  let quietSince = Date.now();
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) {
      clearInterval(timer);
      return;
    }
    const now = Date.now();
    if (socket.bytesRead !== seen || req.readableLength > 0) {
      seen = socket.bytesRead;
      quietSince = now;
    } else if (now - quietSince >= idleMs) {
      clearInterval(timer);
      socket.destroy();
    }
  }, Math.max(100, Math.floor(idleMs / 4)));
  timer.unref();
  req.once("end", () => clearInterval(timer));
  socket.once("close", () => clearInterval(timer));
}
