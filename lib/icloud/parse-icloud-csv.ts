/** One row of an iCloud Photos `Photo Details*.csv`, with what Albums uses from it. */
export type PhotoDetails = { imgName: string; favorite: boolean; hidden: boolean; deleted: boolean; originalCreationDate?: Date };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i += 1;
      endRow();
    } else field += c;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

/** `Saturday June 4,2022 12:11 PM GMT` (Apple's export format, always GMT) → a Date, or undefined. */
export function parseAppleDate(value: string): Date | undefined {
  const m = /^\s*\S+\s+([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2})\s*(AM|PM)\s*(GMT|UTC)?\s*$/i.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return undefined;
  const hour = (Number(m[4]) % 12) + (m[6]!.toUpperCase() === "PM" ? 12 : 0);
  return new Date(Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5])));
}

/**
 * Reads a `Photo Details*.csv` by its header (columns found by name, so added or reordered columns
 * do not matter): one entry per photo name. An empty file (Apple writes some) has no rows.
 */
export function parsePhotoDetails(text: string): PhotoDetails[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [name, favorite, hidden, deleted, created] = ["imgName", "favorite", "hidden", "deleted", "originalCreationDate"].map(col);
  if (name === undefined || name < 0) return [];
  const yes = (row: string[], at: number | undefined) => at !== undefined && at >= 0 && row[at]?.trim().toLowerCase() === "yes";
  return rows
    .filter((row) => (row[name] ?? "").trim() !== "")
    .map((row) => {
      const date = created !== undefined && created >= 0 ? parseAppleDate(row[created] ?? "") : undefined;
      return { imgName: row[name]!.trim(), favorite: yes(row, favorite), hidden: yes(row, hidden), deleted: yes(row, deleted), ...(date ? { originalCreationDate: date } : {}) };
    });
}

/** The photo names an album CSV (`Albums/<title>.csv`, one `imgName` column) lists. */
export function parseAlbumCsv(text: string): string[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const at = Math.max(0, header.findIndex((h) => h.trim().toLowerCase() === "imgname"));
  return rows.map((row) => (row[at] ?? "").trim()).filter((n) => n !== "");
}
