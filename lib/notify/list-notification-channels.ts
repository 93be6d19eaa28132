import type { Config } from "@/lib/config";
import type { ChannelResult } from "./send-notification";

/** The channels the owner configured, for the settings panel (no passwords). */
export function listNotificationChannels(notify: Config["notify"]): { channel: ChannelResult["channel"]; target: string }[] {
  return [
    ...(notify.ntfy ? [{ channel: "ntfy" as const, target: notify.ntfy }] : []),
    ...(notify.webhook ? [{ channel: "webhook" as const, target: notify.webhook }] : []),
    ...(notify.smtp ? [{ channel: "email" as const, target: `${notify.smtp.to} via ${new URL(notify.smtp.url).host}` }] : []),
  ];
}
