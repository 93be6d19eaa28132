import { register } from "node:module";

// `server-only` is a bundler guard: it throws unless resolved under the "react-server" condition,
// which Next.js sets for its route bundles but a plain Node process (scripts/serve.ts, which must
// run without it for Next's renderer) does not. This hook resolves it to nothing in such a process,
// so the listener itself can answer requests with lib/ code (WebDAV at /dav/). Modules that
// import `server-only` must be loaded with import() after calling this.
const HOOK = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;

/** Registers the resolve hook (once per process). */
export function allowServerOnly(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
