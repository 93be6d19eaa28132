import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { wallInZone } from "@/lib/media/capture-time";
import type { Db } from "@/lib/server/db";
import { applyAssetEdit, type AssetEditChange } from "./apply-asset-edit";

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

export const editAssetBody = z
  .object({
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
    /** A local date and time (`2024-07-26T15:30`) in a time zone (IANA name or `+02:00`); null reverts to the original's. */
    capture: z.object({ local: z.string().regex(LOCAL_TIME), timeZone: z.string().trim().min(1).max(64) }).nullable().optional(),
    /** A position; null reverts to the original's (or none). */
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable().optional(),
  })
  .refine((b) => b.rotation !== undefined || b.capture !== undefined || b.location !== undefined, "give at least one change");

export type EditAssetBody = z.infer<typeof editAssetBody>;

/**
 * The owner's edit of a photo or video that never touches its original: a turn (90° steps), the
 * capture time in a time zone, the position; each can be reverted to the original's value (null).
 * Applied and journaled in one transaction (a rebuild from the originals and the journal gives it
 * back). Unknown id: not_found; a time zone nobody knows or an impossible date: invalid_input.
 */
export async function editAsset(db: Db, id: string, body: EditAssetBody): Promise<void> {
  const change: AssetEditChange = {
    ...(body.rotation !== undefined ? { rotation: body.rotation } : {}),
    ...(body.capture !== undefined ? { capture: body.capture && { at: instantOf(body.capture.local, body.capture.timeZone).toISOString(), timeZone: body.capture.timeZone } } : {}),
    ...(body.location !== undefined ? { location: body.location } : {}),
  };
  await db.$transaction(async (tx) => {
    const asset = await tx.asset.findUnique({ where: { id }, select: { sha256: true } });
    if (!asset) throw new AppError("not_found", "No such asset.");
    await applyAssetEdit(tx, id, change);
    await appendJournal(tx, { op: "asset.edit", sha256: asset.sha256, ...change });
  });
}

/** The instant clocks in `zone` showed `local`. */
function instantOf(local: string, zone: string): Date {
  const [year, month, day, hour, minute, second] = LOCAL_TIME.exec(local)!.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = { year, month, day, hour, minute, second, ms: 0 };
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) throw new AppError("invalid_input", `${local} is not a date and time.`);
  const offset = OFFSET.exec(zone);
  if (offset) return new Date(probe.getTime() - (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000);
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new AppError("invalid_input", `${zone} is not a time zone (try a name like Europe/Lisbon, or an offset like +01:00).`);
  }
  return wallInZone(wall, zone);
}
