import { randomUUID } from "node:crypto";
import os from "node:os";

/** The id a worker process leases jobs under: `host:pid:random`, so its death can be recognised. */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Whether `workerId` (newWorkerId) names a process of this machine that no longer exists. */
export function workerProcessGone(workerId: string): boolean {
  const [host, pid] = workerId.split(":");
  if (host !== os.hostname() || !/^\d+$/.test(pid ?? "")) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
