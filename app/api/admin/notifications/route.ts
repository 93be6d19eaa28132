import { apiRoute, requireInteractive } from "@/lib/http/api-route";
import { listNotificationChannels } from "@/lib/notify/list-notification-channels";
import { sendTestNotification } from "@/lib/notify/send-test-notification";

export const runtime = "nodejs";

/** The notification channels the owner configured (ALBUMS_NOTIFY_*), without passwords. */
export const GET = apiRoute(async (_request, { deps, identity }) => {
  requireInteractive(identity);
  return Response.json({ channels: listNotificationChannels(deps.config.notify) });
});

/** Sends a test message to every configured channel; each channel's answer. */
export const POST = apiRoute(async (_request, { deps, identity }) => {
  requireInteractive(identity);
  return Response.json({ results: await sendTestNotification(deps.config.notify) });
});
