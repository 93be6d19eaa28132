import "server-only";
import { getConfig, type Config } from "@/lib/config";
import { getDb, type Db } from "./db";
import { libraryPaths, type LibraryPaths } from "./paths";

export type ServerDeps = { db: Db; paths: LibraryPaths; config: Config };

/** What route handlers hand to domain operations. */
export async function getServerDeps(): Promise<ServerDeps> {
  const config = getConfig();
  return { db: await getDb(), paths: libraryPaths(config.dataDir, config.databasePath), config };
}
