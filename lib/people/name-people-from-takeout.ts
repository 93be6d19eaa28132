// Names face clusters from Google Takeout's people names (the sidecars' `people: [{name}]`).
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { DbTx } from "@/lib/server/db";

/**
 * Gives each of these people that is unnamed and was never named or un-named by the owner
 * (nameSource null) the Takeout name that most of its faces agree on: a name carried by the
 * sidecars of the photos of more than half its faces, and by more of them than any other name
 * (a group photo's names alone never decide). The name is marked nameSource "takeout" (the People
 * screen says so; the owner renames or clears it as usual). Returns the people it named.
 */
export async function namePeopleFromTakeout(db: DbTx, personIds: string[]): Promise<{ id: string; name: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await db.$queryRaw<{ personId: string; faces: bigint; name: string | null; votes: bigint }[]>`
    SELECT p."id" AS "personId",
           (SELECT count(*) FROM "Face" f WHERE f."personId" = p."id") AS faces,
           h."name" AS name, count(*) AS votes
      FROM "Person" p
      JOIN "Face" f ON f."personId" = p."id"
      JOIN "AssetPersonHint" h ON h."assetId" = f."assetId"
     WHERE p."id" IN (SELECT value FROM json_each(${JSON.stringify(personIds)}))
       AND p."name" IS NULL AND p."nameSource" IS NULL
     GROUP BY p."id", h."name"`;
  const byPerson = new Map<string, { faces: number; votes: { name: string; votes: number }[] }>();
  for (const row of rows) {
    if (!row.name) continue;
    const entry = byPerson.get(row.personId) ?? { faces: Number(row.faces), votes: [] };
    entry.votes.push({ name: row.name, votes: Number(row.votes) });
    byPerson.set(row.personId, entry);
  }
  const named: { id: string; name: string }[] = [];
  for (const [id, { faces, votes }] of byPerson) {
    const [best, second] = votes.sort((a, b) => b.votes - a.votes);
    if (!best || best.votes * 2 <= faces || (second && second.votes === best.votes)) continue;
    await db.person.update({ where: { id }, data: { name: best.name, nameSource: "takeout" } });
    named.push({ id, name: best.name });
  }
  if (named.length > 0) {
    const faces = await db.face.findMany({ where: { personId: { in: named.map((n) => n.id) } }, select: { assetId: true } });
    await markSearchStale(db, [...new Set(faces.map((f) => f.assetId))]);
  }
  return named;
}
