/** Cookie names: `__Host-` (Secure, host-only, Path=/) over HTTPS; a plain name for http on a LAN. */
export const SECURE_COOKIE = "__Host-albums-session";
export const PLAIN_COOKIE = "albums-session";

/** The session token from the Cookie header, if any. */
export function readSessionCookie(headers: Headers): string | null {
  const cookies = headers.get("cookie");
  if (!cookies) return null;
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SECURE_COOKIE || name === PLAIN_COOKIE) return rest.join("=") || null;
  }
  return null;
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
