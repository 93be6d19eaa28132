import type { AssetSummary, Memory } from "../types";

/** One "On this day" card: an earlier year's cover photo and how many photos that year has around today. */
export type MemoryCard = { year: number; yearsAgo: number; count: number; cover: AssetSummary };

/**
 * The cards of today's memories (years without photos left out). The page's first HTML carries
 * only these (a few hundred bytes a card instead of every photo of every year); the photos come
 * with the memories request, started by the page's early script.
 */
export function memoryCards(memories: Memory[]): MemoryCard[] {
  return memories.flatMap((m) => {
    const cover = m.items.find((i) => i.thumbnails.sm) ?? m.items[0];
    return cover ? [{ year: m.year, yearsAgo: m.yearsAgo, count: m.items.length, cover }] : [];
  });
}
