import http from "node:http";
import type { AddressInfo } from "node:net";

export type ServeProxy = {
  port: number;
  origin: string;
  /** Every request seen, as `METHOD /path`. */
  seen: string[];
  /** Every answer the app gave, as `METHOD /path -> status`. */
  answers: string[];
  /** Offline: every connection is dropped without an answer (the phone has no network). */
  setOffline(offline: boolean): void;
  /** Answers the next `count` requests matching `method path-regex` with `status` instead of forwarding them. */
  failNext(match: RegExp, status: number, count: number): void;
  /** Holds the next `count` requests matching `method path-regex` for `ms` before forwarding them (a slow box). */
  delayNext(match: RegExp, ms: number, count: number): void;
  /** Cuts the connection of one matching request, after `skip` others, once `afterBytes` of its body went through. */
  cutNext(match: RegExp, afterBytes: number, skip?: number): void;
  /** Passes the bodies of answers to matching requests through `transform` (e.g. a new service worker version). */
  rewrite(match: RegExp, transform: ((body: Buffer) => Buffer) | null): void;
  /** How many requests were cut or failed so far. */
  faults: { cut: number; failed: number };
  close(): Promise<void>;
};

/**
 * A stand-in for `tailscale serve` in front of the app: it forwards every request to the app from
 * loopback, replacing any client-sent Tailscale-User-* headers with the owner's login (the
 * browser, its pages and its service worker all get the identity without sending it). Test hooks
 * make the network fail the way a phone's does: offline, a 5xx, or a connection cut mid-body.
 */
export async function startServeProxy(appPort: number, ownerLogin: string): Promise<ServeProxy> {
  let offline = false;
  const failures: { match: RegExp; status: number; left: number }[] = [];
  const delays: { match: RegExp; ms: number; left: number }[] = [];
  const cuts: { match: RegExp; afterBytes: number; skip: number; left: number }[] = [];
  const seen: string[] = [];
  let rewriting: { match: RegExp; transform: (body: Buffer) => Buffer } | null = null;
  const answers: string[] = [];
  const faults = { cut: 0, failed: 0 };
  const take = <T extends { match: RegExp; left: number; skip?: number }>(list: T[], line: string) => {
    const rules = list.filter((r) => r.left > 0 && r.match.test(line));
    const rule = rules.find((r) => !r.skip);
    for (const r of rules) if (r.skip) r.skip--;
    if (rule) rule.left--;
    return rule;
  };

  const server = http.createServer((req, res) => {
    if (offline) return void req.socket.destroy();
    const delay = take(delays, `${req.method} ${req.url}`);
    if (delay) return void setTimeout(() => forward(req, res), delay.ms);
    forward(req, res);
  });

  function forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const line = `${req.method} ${req.url}`;
    seen.push(line);
    const failure = take(failures, line);
    if (failure) {
      faults.failed++;
      req.resume();
      req.on("end", () => {
        res.writeHead(failure.status, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: { code: "internal", message: `injected ${failure.status}` } }));
      });
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith("tailscale-")));
    const rewrite = rewriting?.match.test(line) ? rewriting.transform : null;
    if (rewrite) for (const name of ["accept-encoding", "if-none-match", "if-modified-since"]) delete headers[name];
    const upstream = http.request({ host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers: { ...headers, "tailscale-user-login": ownerLogin } }, (answer) => {
      answers.push(`${line} -> ${answer.statusCode}`);
      if (!rewrite) {
        res.writeHead(answer.statusCode!, answer.headers);
        return void answer.pipe(res);
      }
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        const body = rewrite(Buffer.concat(chunks));
        const headers = { ...answer.headers, "content-length": String(body.length) };
        delete headers.etag;
        res.writeHead(answer.statusCode!, headers);
        res.end(body);
      });
    });
    upstream.on("error", () => {
      // An early answer (409, sent before the body was read) is still delivered; one the app could
      // not finish is aborted, as a real reverse proxy does, instead of leaving the browser's
      // connection waiting for the rest of it.
      if (!res.headersSent) req.socket.destroy();
      else setImmediate(() => void (res.writableEnded || res.destroy()));
    });
    const cut = take(cuts, line);
    if (!cut) return void req.pipe(upstream);
    let forwarded = 0;
    req.on("data", (chunk: Buffer) => {
      if (forwarded >= cut.afterBytes) return;
      const part = chunk.subarray(0, cut.afterBytes - forwarded);
      forwarded += part.length;
      upstream.write(part);
      if (forwarded >= cut.afterBytes) {
        faults.cut++;
        // Let the app receive what went through, then drop both sides like a dead link.
        setTimeout(() => {
          upstream.destroy();
          req.socket.destroy();
        }, 200);
      }
    });
    req.on("end", () => upstream.end());
  }
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port, origin: `http://127.0.0.1:${port}`, seen, answers, faults,
    setOffline(value) {
      offline = value;
      if (value) server.closeAllConnections();
    },
    failNext: (match, status, count) => void failures.push({ match, status, left: count }),
    delayNext: (match, ms, count) => void delays.push({ match, ms, left: count }),
    rewrite(match, transform) {
      rewriting = transform ? { match, transform } : null;
    },
    cutNext: (match, afterBytes, skip = 0) => void cuts.push({ match, afterBytes, skip, left: 1 }),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
