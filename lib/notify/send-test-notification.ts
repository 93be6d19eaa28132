import type { Config } from "@/lib/config";
import { sendNotification, type ChannelResult } from "./send-notification";

/** The channels the owner configured, for the settings panel (no passwords). */
export function notificationChannels(notify: Config["notify"]): { channel: ChannelResult["channel"]; target: string }[] {
  return [
    ...(notify.ntfy ? [{ channel: "ntfy" as const, target: notify.ntfy }] : []),
    ...(notify.webhook ? [{ channel: "webhook" as const, target: notify.webhook }] : []),
    ...(notify.smtp ? [{ channel: "email" as const, target: `${notify.smtp.to} via ${new URL(notify.smtp.url).host}` }] : []),
  ];
}

/** Settings → Notifications → Send test: one message to every configured channel, with each answer. */
export function sendTestNotification(notify: Config["notify"], now = new Date()): Promise<ChannelResult[]> {
  return sendNotification(notify, { key: "test", title: "Test message", body: "Albums can reach you here. You will hear about failed backups, missing or damaged originals, a nearly full disk, a stopped worker and finished imports.", severity: "info" }, now);
}
