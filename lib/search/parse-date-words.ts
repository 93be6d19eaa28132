/** A half-open capture-time range [from, to) read from the words of a query. */
export type DateRange = { from: Date; to: Date; words: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
// First month (0-based), northern hemisphere. A Map, not an object: query words such as
// "constructor" or "__proto__" must not find inherited properties.
const SEASONS = new Map([["spring", 2], ["summer", 5], ["autumn", 8], ["fall", 8], ["winter", 11]]);

const monthIndex = (word: string) => MONTHS.findIndex((m) => word.length >= 3 && m.startsWith(word));
const local = (year: number, month: number, day = 1) => new Date(year, month, day);

/**
 * Finds date words in a query and turns them into a range, in the box's local time: "2008",
 * "july 2023", "jul", "summer 2019", "last summer", "today", "yesterday", "this/last week|month|year".
 * A month or season without a year means its most recent occurrence. Returns the query without
 * those words; the rest is searched as text. "may" alone is a word, not a month (needs a year).
 */
export function parseDateWords(query: string, now: Date): { text: string; range: DateRange | null } {
  const words = query.split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase().replace(/[,.]$/, ""));
  const rules: [number, (i: number) => [Date, Date] | null][] = [
    [2, (i) => (lower[i] === "last" ? relative(lower[i + 1]!, now, -1) : lower[i] === "this" ? relative(lower[i + 1]!, now, 0) : null)],
    [2, (i) => seasonOrMonthWithYear(lower[i]!, lower[i + 1]!)],
    [1, (i) => single(lower[i]!, now)],
  ];
  for (const [length, rule] of rules) {
    for (let i = 0; i + length <= words.length; i++) {
      const range = rule(i);
      if (!range) continue;
      const used = words.slice(i, i + length).join(" ");
      return { text: [...words.slice(0, i), ...words.slice(i + length)].join(" "), range: { from: range[0], to: range[1], words: used } };
    }
  }
  return { text: query.trim(), range: null };
}

function seasonOrMonthWithYear(word: string, yearWord: string): [Date, Date] | null {
  if (!/^(19|20)\d\d$/.test(yearWord)) return null;
  const year = Number(yearWord);
  const start = SEASONS.get(word);
  if (start !== undefined) return season(year, start);
  const month = monthIndex(word);
  return month >= 0 ? [local(year, month), local(year, month + 1)] : null;
}

function single(word: string, now: Date): [Date, Date] | null {
  if (/^(19|20)\d\d$/.test(word)) return [local(Number(word), 0), local(Number(word) + 1, 0)];
  const today = local(now.getFullYear(), now.getMonth(), now.getDate());
  if (word === "today") return [today, local(now.getFullYear(), now.getMonth(), now.getDate() + 1)];
  if (word === "yesterday") return [local(now.getFullYear(), now.getMonth(), now.getDate() - 1), today];
  if (SEASONS.has(word)) return relative(word, now, -1);
  const month = word === "may" ? -1 : monthIndex(word);
  if (month < 0) return null;
  const year = month <= now.getMonth() ? now.getFullYear() : now.getFullYear() - 1;
  return [local(year, month), local(year, month + 1)];
}

/** "this"/"last" + week|month|year|season. */
function relative(unit: string, now: Date, offset: 0 | -1): [Date, Date] | null {
  const y = now.getFullYear();
  const m = now.getMonth();
  if (unit === "year") return [local(y + offset, 0), local(y + offset + 1, 0)];
  if (unit === "month") return [local(y, m + offset), local(y, m + offset + 1)];
  if (unit === "week") {
    const monday = now.getDate() - ((now.getDay() + 6) % 7) + 7 * offset;
    return [local(y, m, monday), local(y, m, monday + 7)];
  }
  const start = SEASONS.get(unit);
  if (start === undefined) return null;
  // The season's start in this year; "last" is the latest one already over, "this" the one now.
  let year = y - (start > m ? 1 : 0);
  if (offset === -1 && local(year, start + 3) > now) year -= 1;
  return season(year, start);
}

function season(year: number, firstMonth: number): [Date, Date] {
  return [local(year, firstMonth), local(year, firstMonth + 3)];
}
