/** Where an entry of a Takeout part belongs. */
export type EntryPlace =
  | { area: "photos"; dir: string; name: string; json: boolean }
  | { area: "drive"; dir: string; name: string }
  | { area: "other"; reason: string };

// "Google Photos" in the export languages seen in the wild.
const PHOTOS_FOLDER = /^(google\s?(photos|fotos|foto|фото|フォト|포토|相册|相簿|zdjęcia)|fotky google|zdjęcia google|google foto's)$/i;
const DRIVE_FOLDER = /^(drive|google drive|meine ablage|mon drive|mi unidad|il mio drive)$/i;

/**
 * Places an entry path (`Takeout/Google Photos/Trip/IMG_1.jpg`) in the Photos or Drive area of
 * the export, with its folder inside that area; anything else (other Google products, the
 * archive browser page) is `other`.
 */
export function classifyEntry(entryPath: string): EntryPlace {
  const segments = entryPath.split("/").filter((s) => s.length > 0);
  const name = segments.at(-1) ?? "";
  const photos = segments.findIndex((s) => PHOTOS_FOLDER.test(s.normalize("NFC")));
  if (photos >= 0 && photos < segments.length - 1) {
    return { area: "photos", dir: segments.slice(photos + 1, -1).join("/"), name, json: /\.json$/i.test(name) };
  }
  const drive = segments.findIndex((s) => DRIVE_FOLDER.test(s));
  if (drive >= 0 && drive < segments.length - 1) return { area: "drive", dir: segments.slice(drive + 1, -1).join("/"), name };
  return { area: "other", reason: "not part of Google Photos or Drive" };
}

/**
 * Why an entry name is unsafe to handle (absolute, `..`, NUL, backslashes, drive letters), or null.
 * Albums never writes entries by their names, but such names mean a forged archive: abort.
 */
export function unsafeEntryName(entryPath: string): string | null {
  if (entryPath.includes("\0")) return "contains a NUL byte";
  if (entryPath.startsWith("/") || /^[a-zA-Z]:/.test(entryPath)) return "is an absolute path";
  if (entryPath.includes("\\")) return "contains a backslash";
  if (entryPath.split("/").some((segment) => segment === "..")) return "climbs out with ..";
  return null;
}
