import type { Db } from "@/lib/server/db";

/** The searchable text of one asset, by field (what the text index stores). */
export type SearchDocument = {
  id: string;
  name: string;
  caption: string;
  ocr: string;
  text: string;
  place: string;
  camera: string;
  album: string;
  people: string;
  description: string;
};

export const SEARCH_FIELDS = ["name", "caption", "ocr", "text", "place", "camera", "album", "people", "description"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Document text beyond this is not indexed (a 500-page PDF would dominate the index). */
const MAX_TEXT_CHARS = 50_000;

/**
 * Gathers the searchable text of these assets from every table that holds some: file names (all
 * names an original arrived under), caption, OCR, document text, place, camera, albums, people
 * (named, not hidden) and the owner's description. Assets that no longer exist are absent.
 */
export async function loadSearchDocuments(db: Db, ids: string[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  const assets = await db.asset.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, originalName: true, make: true, model: true, lens: true, description: true,
      names: { select: { name: true } },
      caption: { select: { text: true } },
      ocr: { select: { text: true } },
      document: { select: { text: true } },
      place: { select: { city: true, region: true, country: true } },
      albums: { select: { album: { select: { title: true } } } },
      faces: { where: { person: { name: { not: null }, hidden: false } }, select: { person: { select: { name: true } } } },
    },
  });
  return assets.map((a) => ({
    id: a.id,
    name: unique([a.originalName, ...a.names.map((n) => n.name)].map(fileNameWords)),
    caption: a.caption?.text ?? "",
    ocr: a.ocr?.text ?? "",
    text: (a.document?.text ?? "").slice(0, MAX_TEXT_CHARS),
    place: unique([a.place?.city, a.place?.region, a.place?.country]),
    camera: unique([a.make, a.model, a.lens]),
    album: unique(a.albums.map((x) => x.album.title)),
    people: unique(a.faces.map((f) => f.person?.name)),
    description: a.description ?? "",
  }));
}

/** "IMG_2024-07-14_beach.jpg" → "IMG 2024 07 14 beach jpg": separators become spaces so parts match. */
function fileNameWords(name: string): string {
  return name.replace(/[_.\-/\\]+/g, " ");
}

function unique(values: (string | null | undefined)[]): string {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].join(" ");
}
