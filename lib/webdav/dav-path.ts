import { AppError } from "@/lib/errors";

/** Where the WebDAV tree is served on the main listener (the contract's name). */
export const DAV_ROOT = "/dav";

/** True for a request target inside the WebDAV tree (`/dav`, `/dav/…`). */
export function isDavPath(target: string): boolean {
  return target === DAV_ROOT || target.startsWith(`${DAV_ROOT}/`) || target.startsWith(`${DAV_ROOT}?`) || target.startsWith(`${DAV_ROOT}#`);
}

/**
 * The names from the Files root of a request target or a Destination URL (absolute or a path):
 * query and fragment dropped, percent-decoded per segment (spaces, UTF-8). `bad_request` for a
 * target outside `/dav/` or one that does not decode.
 */
export function davSegments(target: string): string[] {
  let pathname: string;
  try {
    pathname = new URL(target, "http://dav.invalid").pathname;
  } catch {
    throw new AppError("bad_request", "Not a URL.");
  }
  if (!isDavPath(pathname)) throw new AppError("bad_request", `Not inside ${DAV_ROOT}/.`);
  try {
    return pathname.slice(DAV_ROOT.length).split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    throw new AppError("bad_request", "The path does not percent-decode as UTF-8.");
  }
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
