/** Cookie names: `__Host-` (Secure, host-only, Path=/) over HTTPS; a plain name for http on a LAN. */
export const SECURE_COOKIE = "__Host-albums-session";
export const PLAIN_COOKIE = "albums-session";

// A browser sends one cookie per name, path and domain; more than a few is an attack.
const MAX_SESSION_COOKIES = 4;

/**
 * Every session token in the Cookie header, in order. All of them, not the first: a page on a
 * sibling host (or plain http on a LAN) can plant a bogus cookie of the same name ahead of the
 * real one, and taking the first would sign the owner out.
 */
export function readSessionCookies(headers: Headers): string[] {
  const tokens: string[] = [];
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    const value = rest.join("=");
    if ((name === SECURE_COOKIE || name === PLAIN_COOKIE) && value && !tokens.includes(value)) tokens.push(value);
  }
  return tokens.slice(0, MAX_SESSION_COOKIES);
}

/** Whether the browser reached us over HTTPS (directly or through tailscale serve). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Set-Cookie for a new session: HttpOnly, SameSite=Strict, Secure + __Host- when served over HTTPS. */
export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = isHttps(request);
  const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
}

/** Set-Cookie headers that remove both session cookies. */
export function clearedSessionCookies(): string[] {
  return [`${SECURE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure`, `${PLAIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`];
}
