import { env } from "@huggingface/transformers";

/**
 * Returns transformers.js set up to read models only from local folders: remote loading and every
 * cache are off, so nothing is fetched at run time and nothing is written into node_modules.
 * Models are then loaded by absolute folder path (never a hub id).
 */
export function localTransformersEnv(): typeof env {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.cacheDir = null;
  return env;
}
