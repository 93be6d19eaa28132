/**
 * A file of the catalogue: `key` identifies it (part + path), `dir` is its folder inside the export;
 * a sidecar may carry the `title` its JSON gives (the name the photo was uploaded under).
 */
export type CatalogueFile = { key: string; dir: string; name: string; title?: string };

export type MatchRule = "exact" | "index" | "truncated" | "title" | "duplicate" | "edited" | "pair";
export type SidecarMatch = { sidecar: string; rule: MatchRule };

export type MatchResult = {
  /** media key → the sidecar that describes it */
  matches: Map<string, SidecarMatch>;
  /** edited copy's media key → its original's media key (same folder) */
  editedFrom: Map<string, string>;
  /** media keys no sidecar could be found for */
  unmatched: string[];
};

// Suffixes Google Photos gives edited copies, by export language.
const EDITED_SUFFIXES = ["-edited", "-modifié", "-modifie", "-bearbeitet", "-modificato", "-ha editado", "-editado", "-editada", "-bewerkt", "-redigeret", "-szerkesztett", "-編集済み", "-redigert", "-redigerad", "-muokattu", "-editat", "-upraveno", "-edytowane", "-изменено", "-편집됨", "-已修改", "-düzenlendi"];
const SUPPLEMENTAL = ".supplemental-metadata";
// Sidecar names longer than this were cut at 51 characters by Takeout.
const TRUNCATION_LENGTH = 45;
// Media names at least this long may have had an edited-copy suffix cut (Takeout caps names near 47).
const CUT_EDITED_LENGTH = 40;

/** Folds what differs invisibly between a media name and its sidecar: Unicode form, odd spaces, case. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .toLowerCase();
}

type Sidecar = { key: string; name: string; index: string | null; prefix: string; title: string | null; rank: number };

/** `IMG_1.JPG.supplemental-metadata(2).json` → prefix `img_1.jpg`, index `2`. */
function parseSidecar(file: CatalogueFile): Sidecar {
  const name = normalizeName(file.name);
  let stem = name.replace(/\.json$/, "");
  const indexed = /^(.*)\((\d+)\)$/.exec(stem);
  const index = indexed ? indexed[2]! : null;
  if (indexed) stem = indexed[1]!;
  const dot = stem.lastIndexOf(".");
  // Rank among sidecars naming the same photo: the whole `.supplemental-metadata` form (what
  // Takeout writes now), then a plain `.json`, then cut forms — never the order of the archive.
  let rank = 1;
  if (dot > 0) {
    const tail = stem.slice(dot);
    if (tail.length >= 2 && SUPPLEMENTAL.startsWith(tail)) {
      stem = stem.slice(0, dot);
      rank = tail === SUPPLEMENTAL ? 0 : 2;
    } else if (tail === ".") {
      stem = stem.slice(0, dot);
      rank = 2;
    }
  }
  return { key: file.key, name, index, prefix: stem, title: file.title ? normalizeName(file.title) : null, rank };
}

function bySidecarRank(a: Sidecar, b: Sidecar): number {
  return a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** `IMG_1234(1).JPG` → base `img_1234.jpg`, index `1`. */
function parseMedia(name: string): { name: string; base: string; index: string | null } {
  const n = normalizeName(name);
  const m = /^(.*)\((\d+)\)(\.[^.]*)?$/.exec(n);
  return m ? { name: n, base: m[1]! + (m[3] ?? ""), index: m[2]! } : { name: n, base: n, index: null };
}

/** The stem two halves of a Live/Motion Photo share: `pxl_1.mp.jpg`, `pxl_1.mp`, `pxl_1.mp~2` → `pxl_1`. */
function pairStemOf(name: string): string {
  return name.replace(/\.[^.]*$/, "").replace(/\.mp(~\d+)?$/, "");
}

/** The name without its extension (`photo.jpg` → `photo`). */
function withoutExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

function findSidecar(sidecars: Sidecar[], mediaName: string): SidecarMatch | null {
  const media = parseMedia(mediaName);
  const truncatedMatch = (s: Sidecar, target: string) => s.name.length >= TRUNCATION_LENGTH && s.prefix.length > 0 && target.startsWith(s.prefix);
  const exact = sidecars.find((s) => s.index === null && s.prefix === media.name);
  if (exact) return { sidecar: exact.key, rule: "exact" };
  if (media.index !== null) {
    const indexed = sidecars.find((s) => s.index === media.index && (s.prefix === media.base || truncatedMatch(s, media.base)));
    if (indexed) return { sidecar: indexed.key, rule: "index" };
  }
  const truncated = sidecars.find((s) => s.index === null && (truncatedMatch(s, media.name) || (s.prefix.length > 0 && s.prefix === media.name.slice(0, -1))));
  if (truncated) return { sidecar: truncated.key, rule: "truncated" };
  // The photo was uploaded under a name without an extension: the JSON is named (and titled) after
  // that bare name, the exported file got an extension.
  const bare = withoutExtension(media.base);
  const titled = sidecars.find((s) => s.index === media.index && bare.length > 0 && (s.prefix === bare || s.title === bare || (s.index === null && s.title === media.name)));
  if (titled) return { sidecar: titled.key, rule: "title" };
  if (media.index !== null) {
    const duplicate = sidecars.find((s) => s.index === null && (s.prefix === media.base || truncatedMatch(s, media.base)));
    if (duplicate) return { sidecar: duplicate.key, rule: "duplicate" };
  }
  return null;
}

/**
 * The original's name for an edited copy (`IMG_1-edited.jpg` → `IMG_1.jpg`), or null. A long name
 * may have lost the end of its suffix to Takeout's length cap (`…DSCN0091-ha edit.JPG`): such a cut
 * suffix counts only when `exists` confirms the original it points at is in the same folder.
 */
export function originalNameOfEdited(name: string, exists: (original: string) => boolean = () => false): string | null {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  const lower = normalizeName(stem);
  const index = /\(\d+\)$/.exec(lower)?.[0] ?? "";
  const bare = lower.slice(0, lower.length - index.length);
  const original = (cut: number) => stem.slice(0, cut) + stem.slice(bare.length) + ext;
  for (const suffix of EDITED_SUFFIXES) {
    if (bare.length > suffix.length && bare.endsWith(suffix)) return original(bare.length - suffix.length);
  }
  if (name.length < CUT_EDITED_LENGTH) return null;
  for (const suffix of EDITED_SUFFIXES) {
    for (let keep = suffix.length - 1; keep >= 2; keep -= 1) {
      if (bare.length > keep && bare.endsWith(suffix.slice(0, keep)) && exists(original(bare.length - keep))) return original(bare.length - keep);
    }
  }
  return null;
}

/**
 * Pairs every media file with its JSON sidecar, whatever part of the export either is in,
 * handling the pitfalls of TAKEOUT.md in order: exact name (with any cut of the
 * `.supplemental-metadata` suffix) → `(n)` index swaps → names cut at the 51-character limit or
 * one character shorter → a JSON named or titled after the name without its extension → a
 * "forgotten duplicate" sharing the unindexed sidecar → edited copies (suffix whole or cut) sharing
 * their original's sidecar (and linked to it) → Live/Motion Photo partners (`.MP`, `.MP~2`, `.MOV`)
 * sharing the sidecar of the file with the same stem. Where several sidecars fit, the choice is by
 * their names (see bySidecarRank), never by archive order. Cases from real exports:
 * sidecar-cases.ts.
 */
export function matchSidecars(media: CatalogueFile[], sidecars: CatalogueFile[]): MatchResult {
  const byDir = new Map<string, Sidecar[]>();
  for (const file of sidecars) {
    const dir = normalizeName(file.dir);
    append(byDir, dir, parseSidecar(file));
  }
  for (const list of byDir.values()) list.sort(bySidecarRank);
  const matches = new Map<string, SidecarMatch>();
  const editedFrom = new Map<string, string>();
  const mediaByDir = new Map<string, CatalogueFile[]>();
  for (const file of media) {
    const dir = normalizeName(file.dir);
    append(mediaByDir, dir, file);
  }
  for (const [dir, files] of mediaByDir) {
    files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const candidates = byDir.get(dir) ?? [];
    const byName = new Map(files.map((f) => [normalizeName(f.name), f]));
    for (const file of files) {
      const direct = findSidecar(candidates, file.name);
      if (direct) matches.set(file.key, direct);
      const original = originalNameOfEdited(file.name, (name) => byName.has(normalizeName(name)));
      if (original) {
        const originalFile = byName.get(normalizeName(original));
        if (originalFile) editedFrom.set(file.key, originalFile.key);
        if (!direct) {
          const shared = findSidecar(candidates, original);
          if (shared) matches.set(file.key, { sidecar: shared.sidecar, rule: "edited" });
        }
      }
    }
    for (const file of files) {
      if (matches.has(file.key)) continue;
      const stem = pairStemOf(normalizeName(file.name));
      const partner = files.find((other) => other !== file && matches.has(other.key) && pairStemOf(normalizeName(other.name)) === stem);
      if (partner) matches.set(file.key, { sidecar: matches.get(partner.key)!.sidecar, rule: "pair" });
    }
  }
  return { matches, editedFrom, unmatched: media.filter((m) => !matches.has(m.key)).map((m) => m.key) };
}

/** Adds to a folder's list in place (copying the list per file made big folders quadratic). */
function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
