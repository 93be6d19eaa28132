/** A file of the catalogue: `key` identifies it (part + path), `dir` is its folder inside the export. */
export type CatalogueFile = { key: string; dir: string; name: string };

export type MatchRule = "exact" | "index" | "truncated" | "duplicate" | "edited" | "pair";
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
const EDITED_SUFFIXES = ["-edited", "-modifié", "-modifie", "-bearbeitet", "-modificato", "-editado", "-bewerkt", "-編集済み", "-redigert", "-redigerad", "-muokattu", "-editat", "-upraveno", "-edytowane", "-изменено", "-편집됨", "-已修改", "-düzenlendi"];
const SUPPLEMENTAL = ".supplemental-metadata";
// Sidecar names longer than this were cut at 51 characters by Takeout.
const TRUNCATION_LENGTH = 45;

/** Folds what differs invisibly between a media name and its sidecar: Unicode form, odd spaces, case. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .toLowerCase();
}

type Sidecar = { key: string; name: string; index: string | null; prefix: string };

/** `IMG_1.JPG.supplemental-metadata(2).json` → prefix `img_1.jpg`, index `2`. */
function parseSidecar(file: CatalogueFile): Sidecar {
  const name = normalizeName(file.name);
  let stem = name.replace(/\.json$/, "");
  const indexed = /^(.*)\((\d+)\)$/.exec(stem);
  const index = indexed ? indexed[2]! : null;
  if (indexed) stem = indexed[1]!;
  const dot = stem.lastIndexOf(".");
  if (dot > 0) {
    const tail = stem.slice(dot);
    if (tail.length >= 2 && SUPPLEMENTAL.startsWith(tail)) stem = stem.slice(0, dot);
    else if (tail === ".") stem = stem.slice(0, dot);
  }
  return { key: file.key, name, index, prefix: stem };
}

/** `IMG_1234(1).JPG` → base `img_1234.jpg`, index `1`. */
function parseMedia(name: string): { name: string; base: string; index: string | null } {
  const n = normalizeName(name);
  const m = /^(.*)\((\d+)\)(\.[^.]*)?$/.exec(n);
  return m ? { name: n, base: m[1]! + (m[3] ?? ""), index: m[2]! } : { name: n, base: n, index: null };
}

function stemOf(name: string): string {
  return name.replace(/\.[^.]*$/, "").replace(/\.mp$/, "");
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
  if (media.index !== null) {
    const duplicate = sidecars.find((s) => s.index === null && (s.prefix === media.base || truncatedMatch(s, media.base)));
    if (duplicate) return { sidecar: duplicate.key, rule: "duplicate" };
  }
  return null;
}

/** The original's name for an edited copy (`IMG_1-edited.jpg` → `IMG_1.jpg`), or null. */
export function originalNameOfEdited(name: string): string | null {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  const lower = normalizeName(stem);
  for (const suffix of EDITED_SUFFIXES) {
    const at = lower.lastIndexOf(suffix);
    if (at > 0 && /^(\(\d+\))?$/.test(lower.slice(at + suffix.length))) return stem.slice(0, at) + stem.slice(at + suffix.length) + ext;
  }
  return null;
}

/**
 * Pairs every media file with its JSON sidecar, whatever part of the export either is in,
 * handling the pitfalls of TAKEOUT.md in order: exact name (with any cut of the
 * `.supplemental-metadata` suffix) → `(n)` index swaps → names cut at the 51-character limit or
 * one character shorter → a "forgotten duplicate" sharing the unindexed sidecar → edited copies
 * sharing their original's sidecar (and linked to it) → Live/Motion Photo partners sharing the
 * sidecar of the file with the same stem.
 */
export function matchSidecars(media: CatalogueFile[], sidecars: CatalogueFile[]): MatchResult {
  const byDir = new Map<string, Sidecar[]>();
  for (const file of sidecars) {
    const dir = normalizeName(file.dir);
    append(byDir, dir, parseSidecar(file));
  }
  const matches = new Map<string, SidecarMatch>();
  const editedFrom = new Map<string, string>();
  const mediaByDir = new Map<string, CatalogueFile[]>();
  for (const file of media) {
    const dir = normalizeName(file.dir);
    append(mediaByDir, dir, file);
  }
  for (const [dir, files] of mediaByDir) {
    const candidates = byDir.get(dir) ?? [];
    const byName = new Map(files.map((f) => [normalizeName(f.name), f]));
    for (const file of files) {
      const direct = findSidecar(candidates, file.name);
      if (direct) matches.set(file.key, direct);
      const original = originalNameOfEdited(file.name);
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
      const stem = stemOf(normalizeName(file.name));
      const partner = files.find((other) => other !== file && matches.has(other.key) && stemOf(normalizeName(other.name)) === stem);
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
