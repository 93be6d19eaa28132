import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { appendJournal } from "@/lib/journal/append-journal";
import { entryKey } from "./catalogue-parts";
import type { ImportPlan } from "./import-source";

/**
 * Links the two files of each Live Photo the plan found (a still and its video, e.g. iCloud's
 * IMG_1.HEIC + IMG_1.MOV) once both landed: a LivePhotoPair row, journaled. Safe to repeat; a
 * video already paired with another still keeps its first pairing.
 */
export async function linkLivePairs(deps: IngestDeps, runId: string, plan: ImportPlan): Promise<void> {
  if (plan.livePairs.size === 0) return;
  const rows = await deps.db.importEntry.findMany({ where: { runId, assetId: { not: null } }, select: { part: true, path: true, assetId: true, sha256: true } });
  const assetOf = new Map(rows.map((r) => [entryKey(r.part, r.path), { id: r.assetId!, sha256: r.sha256! }]));
  for (const [videoKey, stillKey] of plan.livePairs) {
    const video = assetOf.get(videoKey);
    const still = assetOf.get(stillKey);
    if (!video || !still || video.id === still.id) continue;
    await deps.db.$transaction(async (tx) => {
      const linked = await tx.$executeRaw`INSERT OR IGNORE INTO "LivePhotoPair" ("stillId", "videoId") VALUES (${still.id}, ${video.id})`;
      if (linked > 0) await appendJournal(tx, { op: "asset.live-pair", sha256: still.sha256, videoSha256: video.sha256 });
    });
  }
}
