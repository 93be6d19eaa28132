import { AppError } from "@/lib/errors";

/** Where the WebDAV tree is served on the main listener (the contract's name). */
export const DAV_ROOT = "/dav";

/** True for a request target inside the WebDAV tree (`/dav`, `/dav/…`). */
export function isDavPath(target: string): boolean {
  return target === DAV_ROOT || target.startsWith(`${DAV_ROOT}/`) || target.startsWith(`${DAV_ROOT}?`) || target.startsWith(`${DAV_ROOT}#`);
}

/**
 * The names from the Files root of a request target or a Destination URL (absolute or a path):
 * query and fragment dropped, each segment percent-decoded once (a name may hold spaces, UTF-8,
 * even "%"). `bad_request` for a target outside `/dav/`, a dot segment (never normalised away),
 * a NUL, or one that does not decode.
 */
export function davSegments(target: string): string[] {
  const pathname = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split(/[?#]/)[0]!;
  if (!isDavPath(pathname)) throw new AppError("bad_request", `Not inside ${DAV_ROOT}/.`);
  let segments: string[];
  try {
    segments = pathname.slice(DAV_ROOT.length).split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    throw new AppError("bad_request", "The path does not percent-decode as UTF-8.");
  }
  if (segments.some((s) => s === "." || s === ".." || s.includes("\0"))) throw new AppError("bad_request", "Invalid path.");
  return segments;
}

/** The href of an item at these names (collections end with a slash), each segment percent-encoded. */
export function davHref(segments: string[], collection: boolean): string {
  const body = segments.map((s) => encodeURIComponent(s)).join("/");
  return `${DAV_ROOT}/${body}${collection && body ? "/" : ""}`;
}

/** The lock-table key of a path (names joined, no trailing slash). */
export function pathKey(segments: string[]): string {
  return `/${segments.join("/")}`;
}
