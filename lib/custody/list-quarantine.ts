import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { custodyPaths } from "./custody-paths";
import { REASON_SUFFIX, type QuarantineRecord } from "./quarantine-file";

export type QuarantineEntry = { name: string; reason: string; at: string; size: number };

/** The files waiting in `quarantine/` for the owner (oldest first), with why and when they went there. */
export async function listQuarantine(paths: LibraryPaths): Promise<QuarantineEntry[]> {
  const dir = custodyPaths(paths).quarantine;
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: QuarantineEntry[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith(REASON_SUFFIX)) continue;
    const file = path.join(dir, entry.name);
    const stat = await fs.stat(file);
    const record = await fs.readFile(file + REASON_SUFFIX, "utf8").then((text) => JSON.parse(text) as QuarantineRecord).catch(() => null);
    out.push({ name: entry.name, reason: record?.reason ?? "unknown (no reason record)", at: record?.at ?? stat.mtime.toISOString(), size: stat.size });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name));
}
