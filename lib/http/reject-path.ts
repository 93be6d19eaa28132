/**
 * True for request targets no Albums URL ever has: backslashes, NUL or dot segments, whether
 * literal or percent-encoded (once or twice). Such requests are answered 400 before routing.
 */
export function isSuspiciousPath(rawUrl: string): boolean {
  const target = rawUrl.split("?")[0] ?? "";
  let decoded = target;
  for (let i = 0; i < 2; i += 1) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return true;
    }
  }
  return [target, decoded].some((p) => p.includes("\\") || p.includes("\0") || p.includes("//") || /(^|\/)\.\.?(\/|$)/.test(p));
}
