import type { LibraryPaths } from "@/lib/server/paths";
import { loadTextIndex } from "./text-index";
import { refreshVectors, vectorCount } from "./vector-index";

/**
 * Loads the text index and the CLIP vectors before the first search needs them (at 100k photos
 * ~1.3 s, which the first search would otherwise wait for). Both stay current on their own after.
 */
export function warmSearch(paths: LibraryPaths): { documents: number; vectors: number } {
  const index = loadTextIndex(paths.textIndex);
  refreshVectors(paths.database);
  return { documents: index?.facts.rowOf.size ?? 0, vectors: vectorCount(paths.database) };
}
