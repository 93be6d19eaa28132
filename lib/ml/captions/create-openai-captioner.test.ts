import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAiCaptioner } from "./create-openai-captioner";

type SentBody = {
  model: string;
  messages: { role: string; content: [{ type: string; text: string }, { type: string; image_url: { url: string } }] }[];
};
type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: SentBody };
type Reply = { status?: number; body?: string; delayMs?: number; destroy?: boolean };

let server: http.Server;
let baseUrl: string;
let seen: Seen[] = [];
let reply: Reply = {};

const answer = (content: unknown) => JSON.stringify({ id: "x", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(raw) as SentBody });
      if (reply.destroy) return void req.socket.destroy();
      setTimeout(() => {
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
        res.end(reply.body ?? answer(" A red square on a white table. "));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  reply = {};
});

// A 2000×1000 photo tagged "rotate 90° clockwise" (EXIF 6).
const photo = () => sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 200, g: 10, b: 10 } } }).png().withMetadata({ orientation: 6 }).toBuffer();

describe("createOpenAiCaptioner", () => {
  it("posts one chat completion with the prompt and an upright, bounded JPEG data URL", async () => {
    const captioner = createOpenAiCaptioner({ baseUrl, model: "llava:7b", apiKey: "sk-test", prompt: "Describe it.", maxSide: 512 });
    expect(captioner.id).toBe("openai:llava:7b");
    expect(await captioner.caption(await photo())).toBe("A red square on a white table.");

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: "POST", url: "/v1/chat/completions" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBe("Bearer sk-test");
    expect(request!.body).toMatchObject({ model: "llava:7b", stream: false, messages: [{ role: "user" }] });
    const [text, image] = request!.body.messages[0]!.content;
    expect(text).toEqual({ type: "text", text: "Describe it." });
    expect(image.type).toBe("image_url");
    const match = /^data:image\/jpeg;base64,([A-Za-z0-9+/=]+)$/.exec(image.image_url.url);
    expect(match).not.toBeNull();
    const sent = await sharp(Buffer.from(match![1]!, "base64")).metadata();
    expect([sent.format, sent.width, sent.height, sent.orientation ?? 1]).toEqual(["jpeg", 256, 512, 1]);
  });

  it("sends no authorization header without a key", async () => {
    await createOpenAiCaptioner({ baseUrl, model: "m" }).caption(await photo());
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it("reports a non-2xx answer with its status and body", async () => {
    reply = { status: 404, body: '{"error":{"message":"model \\"m\\" not found"}}' };
    await expect(createOpenAiCaptioner({ baseUrl, model: "m" }).caption(await photo())).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/answered 404: .*not found/),
    });
  });

  it.each([
    ["not JSON", "<html>gateway</html>", /not JSON/],
    ["no choices", "{}", /no choices\[0\]\.message\.content/],
    ["empty content", answer("   "), /no choices\[0\]\.message\.content/],
    ["non-string content", answer([{ type: "text", text: "x" }]), /no choices\[0\]\.message\.content/],
  ])("rejects a malformed reply (%s)", async (_name, body, message) => {
    reply = { body };
    await expect(createOpenAiCaptioner({ baseUrl, model: "m" }).caption(await photo())).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(message) });
  });

  it("gives up after the timeout", async () => {
    reply = { delayMs: 2000 };
    const started = Date.now();
    await expect(createOpenAiCaptioner({ baseUrl, model: "m", timeoutMs: 200 }).caption(await photo())).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("no answer within 200 ms"),
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("reports a dropped connection and a closed port", async () => {
    reply = { destroy: true };
    await expect(createOpenAiCaptioner({ baseUrl, model: "m" }).caption(await photo())).rejects.toMatchObject({ code: "unavailable" });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createOpenAiCaptioner({ baseUrl: `http://127.0.0.1:${port}/v1`, model: "m" }).caption(await photo())).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("refuses an image it cannot decode without calling the endpoint", async () => {
    await expect(createOpenAiCaptioner({ baseUrl, model: "m" }).caption(Buffer.from("nope"))).rejects.toThrow();
    expect(seen).toHaveLength(0);
  });
});
