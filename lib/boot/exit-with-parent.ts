import net from "node:net";

/** The environment variable naming the child's end of its supervisor's lifeline pipe. */
export const LIFELINE_ENV = "ALBUMS_LIFELINE_FD";
/** The file descriptor the supervisor passes the lifeline on (stdio index 3). */
export const LIFELINE_FD = 3;
const STOP_GRACE_MS = 10_000;

/**
 * In a process started by the supervisor (scripts/start.ts): when the supervisor dies, even by
 * kill -9, the kernel closes its end of the lifeline pipe and this process sends itself SIGTERM,
 * stopping the way it always stops (and exits anyway after 10 s, as the supervisor would kill it).
 * Otherwise a server or worker would outlive its supervisor, holding the port and the queue while
 * the next `npm start` takes the data dir's lock. Does nothing in a process started without a
 * lifeline (tests, scripts).
 */
export function exitWithParent(): void {
  if (process.env[LIFELINE_ENV] !== String(LIFELINE_FD)) return;
  // Not inherited by this process's own children.
  delete process.env[LIFELINE_ENV];
  const lifeline = new net.Socket({ fd: LIFELINE_FD, readable: true, writable: false });
  let gone = false;
  const onGone = () => {
    if (gone) return;
    gone = true;
    process.stderr.write("supervisor gone: stopping\n");
    process.kill(process.pid, "SIGTERM");
    // As the supervisor's own stop would: a job that does not finish in time is abandoned to its
    // lease, like after a crash, rather than run on beside the next start's worker.
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  };
  lifeline.on("end", onGone);
  lifeline.on("close", onGone);
  lifeline.on("error", onGone);
  lifeline.resume();
  lifeline.unref();
}
