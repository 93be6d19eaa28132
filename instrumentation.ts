// Next.js calls register() once when the server starts: the text index and the CLIP vectors are
// loaded in the background then, so the first search does not wait for them.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getConfig }, { libraryPaths }, { warmSearch }] = await Promise.all([import("@/lib/config"), import("@/lib/server/paths"), import("@/lib/search/warm-search")]);
  const config = getConfig();
  setImmediate(() => {
    try {
      warmSearch(libraryPaths(config.dataDir, config.databasePath));
    } catch (error) {
      console.warn(`could not preload the search index (the first search will): ${(error as Error).message}`);
    }
  });
}
