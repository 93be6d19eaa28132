import fs from "node:fs/promises";
import type { LibraryPaths } from "@/lib/server/paths";

export type VolumeCheck = { state: "ok" } | { state: "unavailable"; reason: string };

/**
 * Whether the library's volume answers well enough that a file's ENOENT means the file is gone:
 * the marker reads back as this library's id and `originals/` can be listed. Anything else (the
 * volume unmounted or replaced, EIO, ESTALE, EACCES…) makes it "unavailable", and a scan must then
 * conclude nothing (docs/reliability.md scenario 24).
 */
export async function checkVolume(paths: LibraryPaths, libraryId: string | null): Promise<VolumeCheck> {
  const step = async (what: string, probe: () => Promise<unknown>): Promise<string | null> =>
    probe().then(
      () => null,
      (error: NodeJS.ErrnoException) => `${what}: ${error.code ?? error.message}`,
    );
  const markerProblem = await step(`reading ${paths.marker}`, async () => {
    const marker = (await fs.readFile(paths.marker, "utf8")).trim();
    if (libraryId && marker !== libraryId) throw new Error(`it names library ${marker || "(empty)"}, not ${libraryId}`);
  });
  const problem = markerProblem ?? (await step(`listing ${paths.originals}`, () => fs.readdir(paths.originals)));
  return problem ? { state: "unavailable", reason: problem } : { state: "ok" };
}
