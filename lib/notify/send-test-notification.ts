import type { Config } from "@/lib/config";
import { sendNotification, type ChannelResult } from "./send-notification";

/** Settings → Notifications → Send test: one message to every configured channel, with each answer. */
export function sendTestNotification(notify: Config["notify"], now = new Date()): Promise<ChannelResult[]> {
  return sendNotification(notify, { key: "test", title: "Test message", body: "Albums can reach you here. You will hear about failed backups, missing or damaged originals, a nearly full disk, a stopped worker and finished imports.", severity: "info" }, now);
}
