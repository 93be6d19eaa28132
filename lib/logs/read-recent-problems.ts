import fs from "node:fs";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { LOG_FILE, type LogEntry } from "./open-log-file";

const TAIL_BYTES = 4 * 2 ** 20;

/** Settings → Log: the last `limit` warnings and errors of the log files, newest first (reads at most the last 4 MiB of each day). */
export function readRecentProblems(paths: LibraryPaths, limit = 50): LogEntry[] {
  const files = fs.existsSync(paths.logs) ? fs.readdirSync(paths.logs).filter((name) => LOG_FILE.test(name)).sort().reverse() : [];
  const found: LogEntry[] = [];
  for (const name of files) {
    for (const line of tail(path.join(paths.logs, name)).split("\n").reverse()) {
      try {
        const entry = JSON.parse(line) as LogEntry;
        if (entry.level === "error" || entry.level === "warn") found.push(entry);
      } catch {
        // A torn last line, or the first one of a tail read.
      }
      if (found.length >= limit) return found;
    }
  }
  return found;
}

function tail(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    return buffer.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}
