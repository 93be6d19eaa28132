import type { DirectoryEntry, FileEntry } from "./folder-types";

const MEDIA = /\.(jpe?g|png|heic|heif|avif|webp|gif|dng|mp4|mov|m4v|3gp|webm|mkv)$/i;

/** Whether a folder entry is a photo or video the backup reads (hidden and trashed files are not). */
export function isMediaName(name: string): boolean {
  return !name.startsWith(".") && MEDIA.test(name);
}

/** Every photo and video under a picked folder, depth first, with its path relative to the folder. */
export async function* walkFolder(dir: DirectoryEntry, prefix = ""): AsyncGenerator<{ path: string; entry: FileEntry }> {
  for await (const entry of dir.values()) {
    if (entry.kind === "directory") {
      if (!entry.name.startsWith(".")) yield* walkFolder(entry, `${prefix}${entry.name}/`);
    } else if (isMediaName(entry.name)) {
      yield { path: `${prefix}${entry.name}`, entry };
    }
  }
}

/** The file at a path relative to a picked folder, with the folder that holds it (for removeEntry). */
export async function resolvePath(root: DirectoryEntry, path: string): Promise<{ parent: DirectoryEntry; entry: FileEntry }> {
  const parts = path.split("/");
  let parent = root;
  for (const part of parts.slice(0, -1)) parent = await parent.getDirectoryHandle(part);
  return { parent, entry: await parent.getFileHandle(parts.at(-1)!) };
}
