import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { toAssetDetail, type AssetDetail } from "./asset-dto";

/** All metadata of one asset plus the state of its derived work. */
export async function getAsset(db: Db, id: string): Promise<AssetDetail> {
  const asset = await db.asset.findUnique({
    where: { id },
    include: {
      derivatives: { select: { kind: true } },
      names: { select: { name: true, source: true, createdAt: true }, orderBy: { id: "asc" } },
      jobs: { select: { kind: true, status: true, attempts: true, lastError: true }, orderBy: { id: "asc" } },
      document: { select: { text: true } },
    },
  });
  if (!asset) throw new AppError("not_found", "No such asset.");
  return toAssetDetail(asset);
}
