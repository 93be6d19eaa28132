import net from "node:net";

/** The environment variable naming the child's end of its supervisor's lifeline pipe. */
export const LIFELINE_ENV = "ALBUMS_LIFELINE_FD";
/** The file descriptor the supervisor passes the lifeline on (stdio index 3). */
export const LIFELINE_FD = 3;

/**
 * In a process started by the supervisor (scripts/start.ts): when the supervisor dies, even by
 * kill -9, the kernel closes its end of the lifeline pipe and this process sends itself SIGTERM,
 * stopping the way it always stops. Otherwise a server or worker would outlive its supervisor,
 * holding the port and the queue while the next `npm start` takes the data dir's lock. Does
 * nothing in a process started without a lifeline (tests, scripts).
 */
export function exitWithParent(): void {
  const fd = Number(process.env[LIFELINE_ENV]);
  if (!Number.isInteger(fd) || fd < 0) return;
  // Not inherited by this process's own children.
  delete process.env[LIFELINE_ENV];
  const lifeline = new net.Socket({ fd, readable: true, writable: false });
  let gone = false;
  const onGone = () => {
    if (gone) return;
    gone = true;
    process.stderr.write("supervisor gone: stopping\n");
    process.kill(process.pid, "SIGTERM");
  };
  lifeline.on("end", onGone);
  lifeline.on("close", onGone);
  lifeline.on("error", onGone);
  lifeline.resume();
  lifeline.unref();
}
