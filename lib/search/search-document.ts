import { readConnection } from "@/lib/server/db";

/** The searchable text of one asset, by field (what the text index stores). */
export type SearchDocument = {
  id: string;
  /** photo | video | document | file, and the capture time (ms): both fixed at ingest, kept in the index for the kind and date filters. */
  kind: string;
  capturedAt: number;
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
 * names an original arrived under, and its live names in the Files tree), caption, OCR, document
 * text (PDFs, Office and text files), place, camera, albums, people (named, not hidden, and the names Google Takeout gave the photo — searchable from import on,
 * before faces run — unless a hidden person bears that name) and the owner's description. Assets that no longer exist are absent. One
 * SQL statement on the read connection (the worker reads thousands at a time, search 50).
 */
export function loadSearchDocuments(databasePath: string, ids: string[]): SearchDocument[] {
  if (ids.length === 0) return [];
  const rows = readConnection(databasePath)
    .prepare(
      `SELECT a."id", a."kind", a."capturedAt", a."originalName", a."make", a."model", a."lens", a."description",
         (SELECT group_concat(n."name", char(10)) FROM "AssetName" n WHERE n."assetId" = a."id") AS names,
         (SELECT group_concat(e."name", char(10)) FROM "FileEntry" e WHERE e."assetId" = a."id" AND e."trashedAt" IS NULL) AS entries,
         (SELECT c."text" FROM "Caption" c WHERE c."assetId" = a."id") AS caption,
         (SELECT o."text" FROM "OcrText" o WHERE o."assetId" = a."id") AS ocr,
         (SELECT substr(d."text", 1, ${MAX_TEXT_CHARS}) FROM "DocumentText" d WHERE d."assetId" = a."id") AS text,
         p."city", p."region", p."country",
         (SELECT group_concat(al."title", char(10)) FROM "AlbumAsset" x JOIN "Album" al ON al."id" = x."albumId" WHERE x."assetId" = a."id") AS albums,
         (SELECT group_concat(n."name") FROM (SELECT pe."name" FROM "Face" f JOIN "Person" pe ON pe."id" = f."personId"
            WHERE f."assetId" = a."id" AND pe."name" IS NOT NULL AND pe."hidden" = 0
            UNION SELECT h."name" FROM "AssetPersonHint" h WHERE h."assetId" = a."id"
              AND h."name" NOT IN (SELECT hp."name" FROM "Person" hp WHERE hp."hidden" = 1 AND hp."name" IS NOT NULL)) n) AS people
       FROM json_each(?) j JOIN "Asset" a ON a."id" = j.value LEFT JOIN "AssetPlace" p ON p."assetId" = a."id"`,
    )
    .all(JSON.stringify(ids)) as Row[];
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    capturedAt: Date.parse(a.capturedAt),
    name: unique([a.originalName, ...(a.names ?? "").split("\n"), ...(a.entries ?? "").split("\n")].map(fileNameWords)),
    caption: a.caption ?? "",
    ocr: a.ocr ?? "",
    text: a.text ?? "",
    place: unique([a.city, a.region, a.country]),
    camera: unique([a.make, a.model, a.lens]),
    album: unique((a.albums ?? "").split("\n")),
    people: a.people ?? "",
    description: a.description ?? "",
  }));
}

type Row = {
  id: string; kind: string; capturedAt: string; originalName: string; make: string | null; model: string | null; lens: string | null; description: string | null; names: string | null; entries: string | null;
  caption: string | null; ocr: string | null; text: string | null; city: string | null; region: string | null; country: string | null; albums: string | null; people: string | null;
};

/** "IMG_2024-07-14_beach.jpg" → "IMG 2024 07 14 beach jpg": separators become spaces so parts match. */
export function fileNameWords(name: string): string {
  return name.replace(/[_.\-/\\]+/g, " ");
}

function unique(values: (string | null | undefined)[]): string {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].join(" ");
}
