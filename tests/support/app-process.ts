import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type AppProcess = { child: ChildProcess; port: number; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Spawns `scripts/serve.ts` (server only) or `scripts/start.ts` (supervisor: checks, migrations,
 * server and worker) for a data dir, and waits until /api/health answers.
 */
export async function spawnApp(kind: "serve" | "start", env: Record<string, string>, options: { waitFor?: (health: any) => boolean } = {}): Promise<AppProcess> {
  const port = await freePort();
  const args = kind === "serve" ? ["--import", "tsx", "scripts/serve.ts"] : ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"];
  let output = "";
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ALBUMS_PORT: String(port), ALBUMS_HOST: "127.0.0.1", ALBUMS_SHARE_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: kind === "start",
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}):\n${output}`);
    const health = await getJson(port, "/api/health").catch(() => null);
    if (health && (options.waitFor ? options.waitFor(health.body) : health.status < 600)) break;
    if (Date.now() > deadline) throw new Error(`app did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    port,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** GET a JSON endpoint on the app. */
export function getJson(port: number, urlPath: string): Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath }, (res) => {
        let data = "";
        res.on("data", (d) => (data += d));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode!, body: data ? JSON.parse(data) : null, headers: res.headers });
          } catch (error) {
            reject(error);
          }
        });
      })
      .on("error", reject);
  });
}

export type UploadOutcome = { status: number; body: any } | { error: string };

/**
 * POSTs a file to /api/ingest as multipart, writing it in chunks with a pause between them
 * (a slow phone link), so a test can kill the server mid-upload.
 */
export function uploadSlowly(port: number, name: string, data: Buffer, options: { chunk?: number; pauseMs?: number } = {}): Promise<UploadOutcome> {
  const { chunk = 64 * 1024, pauseMs = 5 } = options;
  const boundary = `----albums${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, data, tail]);
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/api/ingest", method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": body.length } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
      res.on("error", (error) => resolve({ error: error.message }));
    });
    req.on("error", (error) => resolve({ error: error.message }));
    let offset = 0;
    const pump = () => {
      if (offset >= body.length) {
        req.end();
        return;
      }
      req.write(body.subarray(offset, offset + chunk));
      offset += chunk;
      setTimeout(pump, pauseMs);
    };
    pump();
  });
}

/** Every file under a directory, relative to it. */
export function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort() : [];
}
