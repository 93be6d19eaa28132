import nodemailer from "nodemailer";
import type { Config } from "@/lib/config";
import type { Notification } from "./plan-notifications";

export type ChannelResult = { channel: "ntfy" | "webhook" | "email"; ok: boolean; error: string | null };

/**
 * Sends one message to every channel the owner configured (none by default): a POST to the ntfy
 * topic (title and priority as ntfy headers), a JSON POST to the webhook, a mail through the
 * owner's SMTP server. Each goes through the egress guard like any connection. Never throws: each
 * channel's outcome is returned.
 */
export async function sendNotification(notify: Config["notify"], message: Notification, now = new Date()): Promise<ChannelResult[]> {
  const attempts: [ChannelResult["channel"], () => Promise<void>][] = [];
  if (notify.ntfy) {
    const url = notify.ntfy;
    attempts.push(["ntfy", () => post(url, `${message.body}`, { Title: ascii(`Albums: ${message.title}`), Priority: message.severity === "error" ? "high" : "default", Tags: message.severity === "info" ? "white_check_mark" : "warning" })]);
  }
  if (notify.webhook) {
    const url = notify.webhook;
    attempts.push(["webhook", () => post(url, JSON.stringify({ source: "albums", at: now.toISOString(), ...message }), { "Content-Type": "application/json" })]);
  }
  if (notify.smtp) {
    const smtp = notify.smtp;
    attempts.push(["email", async () => {
      const url = new URL(smtp.url);
      const secure = url.protocol === "smtps:";
      const auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
      const transport = nodemailer.createTransport({ host: url.hostname, port: Number(url.port) || (secure ? 465 : 587), secure, auth, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
      await transport.sendMail({ from: smtp.from, to: smtp.to, subject: `Albums: ${message.title}`, text: message.body });
    }]);
  }
  return Promise.all(
    attempts.map(async ([channel, attempt]) => {
      try {
        await attempt();
        return { channel, ok: true, error: null };
      } catch (error) {
        return { channel, ok: false, error: (error as Error).message };
      }
    }),
  );
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { method: "POST", body, headers, redirect: "error", signal: AbortSignal.timeout(15_000) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
}

/** HTTP header values must be ASCII. */
function ascii(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?");
}
