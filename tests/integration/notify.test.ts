// Notifications (issue 21): delivered to a local webhook receiver, and to nothing else (the egress
// guard blocks and counts every other connection); a channel outside the egress allowlist is a
// configuration error; a problem is told once per appearance, a finished import once; mail goes
// through an SMTP server (a minimal local one); the settings
// Send test reaches the receiver.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { egressCounters, installEgressGuard } from "@/lib/server/egress-guard";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers, body });
    res.end("ok");
  });
});
let lib: TestLibrary;

beforeAll(async () => {
  installEgressGuard({ allow: [], mode: "block" });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as net.AddressInfo;
  lib = await createTestLibrary({ ALBUMS_NOTIFY_WEBHOOK: `http://127.0.0.1:${port}/hook`, ALBUMS_NOTIFY_NTFY: `http://127.0.0.1:${port}/albums-topic` });
});
afterAll(async () => {
  receiver.close();
  await lib?.cleanup();
});

describe("notifications", () => {
  it("refuses a channel the egress allowlist does not admit (a cloud service), and sends nothing by default", () => {
    expect(() => parseConfig({ ALBUMS_NOTIFY_NTFY: "https://ntfy.sh/my-topic" })).toThrow(ConfigError);
    expect(() => parseConfig({ ALBUMS_NOTIFY_WEBHOOK: "http://hooks.example.org/x" })).toThrow(/hooks.example.org is not in ALBUMS_EGRESS_ALLOW/);
    expect(parseConfig({ ALBUMS_NOTIFY_WEBHOOK: "http://hooks.example.org/x", ALBUMS_EGRESS_ALLOW: "hooks.example.org" }).notify.webhook).toBe("http://hooks.example.org/x");
    expect(parseConfig({ ALBUMS_NOTIFY_WEBHOOK: "http://100.101.102.103/x" }).notify.webhook).toBe("http://100.101.102.103/x");
    expect(parseConfig({}).notify).toEqual({ ntfy: null, webhook: null, smtp: null });
  });

  it("tells the library's problems and a finished import once each, to the webhook and ntfy, and to nothing else", async () => {
    const { notifyOwner } = await import("@/lib/notify/notify-owner");
    await lib.db.importRun.create({ data: { id: "run-1", inputs: "[]", status: "done", report: JSON.stringify({ safeToDelete: true, blockers: [], totals: { entries: 5, imported: 4, duplicate: 1, skipped: 0, failed: 0, pending: 0 } }) } });
    const now = new Date();
    const first = await notifyOwner(lib, now);
    // A fresh test library: no backup yet (and none off its disk), no worker heartbeat.
    expect(first.sent.sort()).toEqual(["import:run-1", "problem:backup_none", "problem:backup_same_disk", "problem:worker_down"]);
    expect(first.results.every((r) => r.ok)).toBe(true);
    const hooks = received.filter((r) => r.path === "/hook").map((r) => JSON.parse(r.body) as { key: string; title: string; body: string; severity: string });
    expect(hooks.map((h) => h.key).sort()).toEqual(first.sent);
    expect(hooks.find((h) => h.key === "import:run-1")).toMatchObject({ title: "Import finished: safe to delete from Google", body: expect.stringContaining("5 entries: 4 imported, 1 already there") });
    const topic = received.filter((r) => r.path === "/albums-topic");
    expect(topic).toHaveLength(4);
    expect(topic.find((r) => r.headers.title === "Albums: The worker is not running")?.headers.priority).toBe("high");

    expect(await notifyOwner(lib, new Date(now.getTime() + 60_000))).toEqual({ sent: [], results: [] });
    expect(received).toHaveLength(8);
    expect(egressCounters().blocked).toBe(0);
  });

  it("mails through the owner's SMTP server (a minimal local one here)", async () => {
    const lines: string[] = [];
    const smtp = net.createServer((socket) => {
      let data = false;
      socket.write("220 box ESMTP\r\n");
      socket.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\r\n").filter((l, i, all) => l !== "" || i < all.length - 1)) {
          lines.push(line);
          if (data) {
            if (line === ".") {
              data = false;
              socket.write("250 queued\r\n");
            }
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 box\r\n");
          else if (/^DATA/i.test(line)) {
            data = true;
            socket.write("354 go on\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { sendNotification } = await import("@/lib/notify/send-notification");
    const notify = { ntfy: null, webhook: null, smtp: { url: `smtp://127.0.0.1:${(smtp.address() as net.AddressInfo).port}`, to: "me@example.com", from: "albums@box" } };
    expect(await sendNotification(notify, { key: "k", title: "The last backup failed", body: "disk full", severity: "error" })).toEqual([{ channel: "email", ok: true, error: null }]);
    smtp.close();
    expect(lines).toContain("RCPT TO:<me@example.com>");
    expect(lines).toContain("Subject: Albums: The last backup failed");
    expect(lines).toContain("disk full");
  });

  it("Send test in settings: lists the channels and reaches each", async () => {
    const route = await import("@/app/api/admin/notifications/route");
    const channels = (await (await lib.call(route.GET, { url: "/api/admin/notifications" })).json()) as { channels: { channel: string }[] };
    expect(channels.channels.map((c) => c.channel)).toEqual(["ntfy", "webhook"]);
    const res = await lib.call(route.POST, { url: "/api/admin/notifications", method: "POST", headers: { origin: "http://127.0.0.1:3000" } });
    expect(await res.json()).toEqual({ results: [{ channel: "ntfy", ok: true, error: null }, { channel: "webhook", ok: true, error: null }] });
    expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ key: "test", title: "Test message" });
    expect(egressCounters().blocked).toBe(0);
  });
});
