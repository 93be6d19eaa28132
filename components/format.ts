/** Human formats shared by the screens (the viewer's locale and time zone). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00`);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
}

export function formatMonth(day: string): string {
  return new Date(`${day.slice(0, 7)}-15T12:00:00`).toLocaleDateString(undefined, { month: "long", year: "numeric" });
}

/** A capture time in the zone it was taken in (when known), so the clock reads as it did there. */
export function formatDateTime(iso: string, timeZone?: string | null, style: "full" | "medium" = "full"): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: style, timeStyle: "short" };
  try {
    return new Date(iso).toLocaleString(undefined, { ...options, ...(timeZone ? { timeZone } : {}) });
  } catch {
    return new Date(iso).toLocaleString(undefined, options);
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function formatEta(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The viewer's offset from UTC in minutes (east positive), for day grouping on the server. */
export function tzOffset(): number {
  return -new Date().getTimezoneOffset();
}

/** Local YYYY-MM-DD of an instant (the viewer's day). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
