/** The import folder's own sub-folder that moved files go to (ALBUMS_IMPORT_MOVE); never polled. */
export const IMPORTED_DIR = "imported";

// Names a file has only while it is being written (Syncthing, browsers, rsync/curl, Albums itself).
const TEMP_NAME = [/^~syncthing~.*\.tmp$/i, /\.partial$/i, /\.crdownload$/i, /\.part$/i];

/**
 * True for a file or folder name the import folder never ingests: dotfiles and dot-folders
 * (Syncthing's `.syncthing.NAME.tmp`, `.stfolder`, `.stversions`, `.stignore`, `.DS_Store`…) and
 * temporary names of files still being written (`~syncthing~NAME.tmp`, `*.partial`,
 * `*.crdownload`, `*.part`).
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith(".") || TEMP_NAME.some((pattern) => pattern.test(name));
}
