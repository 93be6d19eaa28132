/** Minimal structured logger: one line per event, `time level [scope] message {fields}`. */
export type Logger = {
  debug: (message: string, fields?: Record<string, unknown>) => void;
  info: (message: string, fields?: Record<string, unknown>) => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

const sinks: ((line: string) => void)[] = [];

/** Also hands every line this process logs to `sink` (npm start: the log file). */
export function addLogSink(sink: (line: string) => void): void {
  sinks.push(sink);
}

/** A logger writing to stderr (so stdout stays free for command output). */
export function createLogger(scope: string, level: LogLevel = "info"): Logger {
  const write = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[at] < LEVELS[level]) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
    const line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${scope}] ${message}${extra}`;
    process.stderr.write(`${line}\n`);
    for (const sink of sinks) sink(line);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
