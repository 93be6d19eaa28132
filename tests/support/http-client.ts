import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; json: () => any };

/** A raw HTTP request to the app (paths are sent exactly as given, no normalisation). */
export function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.host ?? "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString("utf8")) });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A multipart/form-data body with one file part (and optional fields), plus its content type. */
export function multipart(name: string, data: Buffer, fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
  const boundary = `----albums${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([key, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
