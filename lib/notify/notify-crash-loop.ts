import type { Config } from "@/lib/config";
import type { Logger } from "@/lib/server/logger";
import type { OnCrash } from "@/lib/server/supervise";

const LOOP_CRASHES = 3;
const QUIET_MS = 3_600_000;

/**
 * The supervisor's crash hook: a child that crashed 3 times in 10 minutes is a crash loop, told to
 * the owner's channels (at most once an hour per child). Used by `npm start`, which holds no
 * database, so this is the one notification that works while the worker cannot start.
 */
export function notifyCrashLoop(notify: Config["notify"], log: Logger): OnCrash {
  const lastTold = new Map<string, number>();
  return (name, crashes) => {
    if (crashes < LOOP_CRASHES || Date.now() - (lastTold.get(name) ?? 0) < QUIET_MS) return;
    if (!notify.ntfy && !notify.webhook && !notify.smtp) return;
    lastTold.set(name, Date.now());
    // Loaded only when needed: the supervisor stays small.
    void import("./send-notification").then(async ({ sendNotification }) => {
      const results = await sendNotification(notify, {
        key: `crash-loop:${name}`,
        title: `The ${name} keeps crashing`,
        body: `The ${name} process crashed ${crashes} times in 10 minutes and is being restarted with a growing delay. See the log (journalctl -u albums, or Settings → Log) for the error.`,
        severity: "error",
      });
      for (const failed of results.filter((r) => !r.ok)) log.warn("could not notify the owner", { channel: failed.channel, error: failed.error });
    });
  };
}
