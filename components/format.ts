/** Human formats shared by the screens (the viewer's locale and time zone). */
export { formatBytes } from "@/lib/format-bytes";

// Built once, on first use: a formatter per call would be rebuilt for every tile and header on every
// scroll frame, and building one costs milliseconds (page start-up builds only those it uses).
const once = (options: Intl.DateTimeFormatOptions) => {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(undefined, options));
};
const DAY_OPTIONS: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const DAY_WITH_YEAR_OPTIONS: Intl.DateTimeFormatOptions = { ...DAY_OPTIONS, year: "numeric" };
const DAY = once(DAY_OPTIONS);
const DAY_WITH_YEAR = once(DAY_WITH_YEAR_OPTIONS);
const MONTH = once({ month: "long", year: "numeric" });
const MOMENT = once({ dateStyle: "medium", timeStyle: "short" });

/** What a tile is, in words (its label for screen readers). */
export function kindLabel(kind: string): string {
  return kind === "video" ? "Video" : kind === "photo" ? "Photo" : "File";
}

/** A day label ("Sat, 5 Dec", the year added outside this year), in the viewer's language, or in `locale` (the server, for the first HTML). */
export function formatDay(day: string, locale?: string): string {
  const date = new Date(`${day}T12:00:00`);
  const thisYear = date.getFullYear() === new Date().getFullYear();
  if (locale !== undefined) return new Intl.DateTimeFormat(locale, thisYear ? DAY_OPTIONS : DAY_WITH_YEAR_OPTIONS).format(date);
  return (thisYear ? DAY : DAY_WITH_YEAR)().format(date);
}

export function formatMonth(day: string): string {
  return MONTH().format(new Date(`${day.slice(0, 7)}-15T12:00:00`));
}

/** A capture time in the zone it was taken in (when known), so the clock reads as it did there. */
export function formatDateTime(iso: string, timeZone?: string | null, style: "full" | "medium" = "full"): string {
  if (!timeZone && style === "medium") return MOMENT().format(new Date(iso));
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
