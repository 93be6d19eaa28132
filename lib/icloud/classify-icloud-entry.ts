import type { EntryPlace } from "@/lib/takeout/classify-entry";

/**
 * Places an entry of Apple's iCloud Photos export (`iCloud Photos/Photos/IMG_1.HEIC`,
 * `…/Photos/Photo Details-2.csv`, `…/Albums/Trip.csv`, `…/Recently Deleted/IMG_9.JPG`) by its
 * folder: `dir` is `Photos`, `Recently Deleted` or `Albums`; memories, shared-album archives and
 * anything else are `other`, with the reason. The top folder's name is localised and not relied on.
 */
export function classifyIcloudEntry(entryPath: string): EntryPlace {
  const segments = entryPath.split("/").filter((s) => s.length > 0);
  const name = segments.at(-1) ?? "";
  const parent = (segments.at(-2) ?? "").normalize("NFC").toLowerCase();
  if (parent === "photos") return { area: "photos", dir: "Photos", name, json: false };
  if (parent === "recently deleted") return { area: "photos", dir: "Recently Deleted", name, json: false };
  if (parent === "albums" && /\.csv$/i.test(name)) return { area: "photos", dir: "Albums", name, json: false };
  if (parent === "memories") return { area: "other", reason: "an iCloud memory (Apple's own selection of photos; not re-created as an album)" };
  if (/shared album.*\.zip$/i.test(name)) return { area: "other", reason: "iCloud Shared Albums archive: shared albums are not imported (their photos are other people's copies)" };
  return { area: "other", reason: "not part of iCloud Photos" };
}
