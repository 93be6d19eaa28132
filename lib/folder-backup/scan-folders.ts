import { readPermission } from "./folder-types";
import { scanFolder, type ScanDeps, type ScanResult } from "./scan-folder";

const LOCK = "albums-folder-scan";

/**
 * Scans every picked folder whose read permission is still granted; a folder whose permission
 * lapsed is marked so (the upload screen asks the owner with one tap) and left unread. One scan
 * at a time per origin (Web Lock): a page and the service worker waking together do not both
 * hash. Null when another scan was already running.
 */
export async function scanFolders(deps: ScanDeps): Promise<Map<string, ScanResult> | null> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  const run = async () => {
    const results = new Map<string, ScanResult>();
    for (const folder of await deps.folders.listFolders()) {
      const permission = await readPermission(folder.handle).catch(() => "denied" as const);
      if (permission !== "granted") {
        await deps.folders.putFolder({ ...folder, permission });
        continue;
      }
      try {
        results.set(folder.id, await scanFolder(folder, deps));
      } catch (error) {
        await deps.folders.putFolder({ ...folder, lastError: `The last scan stopped: ${(error as Error).message}` });
      }
    }
    return results;
  };
  return locks ? locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? run() : null)) : run();
}
