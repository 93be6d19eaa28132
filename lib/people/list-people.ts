import type { Db } from "@/lib/server/db";

export type PersonSummary = { id: string; name: string | null; /** "takeout" when the name came from Google Takeout's people names. */ nameSource: string | null; hidden: boolean; faces: number; photos: number; cover: { assetId: string; faceId: string; box: { x: number; y: number; width: number; height: number } } | null };

/** People (face clusters) with face and photo counts and a cover face, most photographed first; hidden ones only on request. */
export async function listPeople(db: Db, options: { includeHidden?: boolean } = {}): Promise<PersonSummary[]> {
  const people = await db.person.findMany({
    where: options.includeHidden ? {} : { hidden: false },
    select: {
      id: true, name: true, nameSource: true, hidden: true,
      faces: { select: { id: true, assetId: true, score: true, x: true, y: true, width: true, height: true }, orderBy: [{ pinned: "desc" }, { score: "desc" }] },
    },
  });
  return people
    .filter((p) => p.faces.length > 0)
    .map((p) => {
      const cover = p.faces[0]!;
      return {
        id: p.id, name: p.name, nameSource: p.nameSource, hidden: p.hidden, faces: p.faces.length,
        photos: new Set(p.faces.map((f) => f.assetId)).size,
        cover: { assetId: cover.assetId, faceId: cover.id, box: { x: cover.x, y: cover.y, width: cover.width, height: cover.height } },
      };
    })
    .sort((a, b) => b.photos - a.photos || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"));
}
