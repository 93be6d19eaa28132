// Next.js calls register() once when the server starts: the text index and the CLIP vectors are
// loaded in the background then, so the first search does not wait for them.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getConfig }, { createLogger }, { libraryPaths }, { warmSearch }] = await Promise.all([
    import("@/lib/config"), import("@/lib/server/logger"), import("@/lib/server/paths"), import("@/lib/search/warm-search"),
  ]);
  const config = getConfig();
  const log = createLogger("server", config.logLevel);
  setImmediate(() => {
    const started = performance.now();
    try {
      log.info("search index preloaded", { ...warmSearch(libraryPaths(config.dataDir, config.databasePath)), ms: Math.round(performance.now() - started) });
    } catch (error) {
      log.warn("could not preload the search index (the first search will load it)", { error: (error as Error).message });
    }
  });
}
