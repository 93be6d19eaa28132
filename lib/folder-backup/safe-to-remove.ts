// The DTO of POST /api/ingest/safe-to-remove, shared by the box and the phone (isomorphic).
import { z } from "zod";

export const safeToRemoveBody = z.object({
  sha256: z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be hex SHA-256 digests")).max(10_000),
});

/**
 * `safe`: the digests a phone may delete its copy of. With a verified backup off the box's disk,
 * those the box holds AND that backup covers ("verified-backup"; `waiting` counts the held ones it
 * does not cover yet); with none, those the box holds, with a warning ("box-only").
 */
export type SafeToRemove = { mode: "verified-backup" | "box-only"; safe: string[]; waiting: number; verifiedAt: string | null; warning: string | null };
