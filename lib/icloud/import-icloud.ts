import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { runImport, type TakeoutOptions, type TakeoutProgress, type TakeoutResult } from "@/lib/takeout/run-import";
import { icloudSource } from "./icloud-source";

/**
 * Imports Apple's iCloud Photos export (`iCloud Photos Part N of M.zip`, or the extracted
 * folders): Photo Details merged into the photos (capture time, favourite, hidden → archived),
 * Recently Deleted left out unless `includeTrashed`, albums re-created, Live Photos' HEIC + MOV
 * linked — with the same streaming, resuming, re-import and verification report as a Takeout
 * (runImport).
 */
export function importIcloud(deps: IngestDeps, inputs: string[], options: TakeoutOptions = {}, onProgress: (p: TakeoutProgress) => void = () => {}): Promise<TakeoutResult> {
  return runImport(deps, icloudSource, inputs, options, onProgress);
}
