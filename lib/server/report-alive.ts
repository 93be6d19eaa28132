/**
 * Tells a watching supervisor (lib/server/supervise.ts, `watchdog`) that this process's event loop
 * still runs, every few seconds; `stallMs` of silence gets it killed and restarted. Does nothing
 * without an IPC channel (run by hand, or by a test). Returns a stop function.
 */
export function reportAlive(stallMs: number): () => void {
  if (!process.send) return () => {};
  // A callback, so a closed channel (the supervisor gone) is not an uncaught error.
  const beat = () => process.send?.({ alive: true, stallMs }, undefined, {}, () => {});
  beat();
  const timer = setInterval(beat, Math.max(500, Math.min(5_000, stallMs / 4)));
  timer.unref();
  // The channel must not keep the process alive after its work is done.
  process.channel?.unref();
  return () => clearInterval(timer);
}
