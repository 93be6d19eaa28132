import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { runImport, type TakeoutOptions, type TakeoutProgress, type TakeoutResult } from "./run-import";
import { takeoutSource } from "./takeout-source";

export { takeoutInputsKey, type TakeoutOptions, type TakeoutProgress, type TakeoutResult } from "./run-import";

/**
 * Imports Google Takeout parts (zips, tgzs or extracted folders): JSON sidecars merged into their
 * photos, albums re-created, edited copies linked, Drive files kept with their folders (see
 * runImport for the streaming, resuming, re-import and the verification report).
 */
export function importTakeout(deps: IngestDeps, inputs: string[], options: TakeoutOptions = {}, onProgress: (p: TakeoutProgress) => void = () => {}): Promise<TakeoutResult> {
  return runImport(deps, takeoutSource, inputs, options, onProgress);
}
