import fs from "node:fs";
import path from "node:path";
import { removePath } from "@/lib/custody/remove-path";
import type { LibraryPaths } from "@/lib/server/paths";
import { redactSecrets } from "./redact-secrets";

/** One line of a log file. */
export type LogEntry = { time: string; level: string; process: string; scope?: string; message: string };

export type LogFileOptions = {
  paths: LibraryPaths;
  keepDays: number;
  /** Values never written (the API token, passwords from the configuration). */
  secrets: string[];
  now?: () => Date;
};

export const LOG_FILE = /^albums-(\d{4}-\d{2}-\d{2})\.jsonl$/;
// `2026-12-05T09:00:00.000Z INFO  [server] message {"fields":1}`, as lib/server/logger.ts writes it.
const TEXT_LINE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z) (DEBUG|INFO|WARN|ERROR)\s+\[([^\]]+)\] (.*)$/;

/**
 * The log file of `npm start` (written by the supervisor, so one writer): every line of the
 * supervisor, the server and the worker as a JSON object in `<data dir>/logs/albums-<UTC day>.jsonl`,
 * secrets redacted first. A new file each day; files older than `keepDays` are deleted (through
 * the custody guard). Lines another program printed (Next.js, a stack trace) are kept as `info`.
 */
export function openLogFile(options: LogFileOptions): { write: (processName: string, line: string) => void; close: () => void } {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.paths.logs, { recursive: true, mode: 0o700 });
  let day = "";
  let fd: number | null = null;
  const rotate = (today: string) => {
    if (fd !== null) fs.closeSync(fd);
    day = today;
    fd = fs.openSync(path.join(options.paths.logs, `albums-${day}.jsonl`), "a", 0o600);
    const oldest = new Date(Date.parse(day) - (options.keepDays - 1) * 86_400_000).toISOString().slice(0, 10);
    for (const name of fs.readdirSync(options.paths.logs)) {
      const date = LOG_FILE.exec(name)?.[1];
      if (date && date < oldest) void removePath(options.paths, "log", path.join(options.paths.logs, name)).catch(() => {});
    }
  };
  return {
    write: (processName, line) => {
      const at = now();
      const today = at.toISOString().slice(0, 10);
      if (today !== day) rotate(today);
      const text = redactSecrets(line, options.secrets);
      const parsed = TEXT_LINE.exec(text);
      const entry: LogEntry = parsed
        ? { time: parsed[1]!, level: parsed[2]!.toLowerCase(), process: processName, scope: parsed[3]!, message: parsed[4]! }
        : { time: at.toISOString(), level: "info", process: processName, message: text };
      try {
        fs.writeSync(fd!, `${JSON.stringify(entry)}\n`);
      } catch {
        // A full disk must not stop Albums: the console (journal) still has the line.
      }
    },
    close: () => {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}
