/** An API error answer, with the code and message the server sent. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? "http_error", body?.error?.message ?? `The box answered ${res.status}.`);
  return body as T;
}

/** GET a JSON API route; an answer the page's first HTML already asked for (earlyFetchScript) is used once instead of a second request. */
export async function getJson<T>(url: string): Promise<T> {
  const early = typeof window === "undefined" ? undefined : (window as { __albumsEarly?: Record<string, Promise<Response>> }).__albumsEarly;
  const asked = early?.[url];
  if (asked) delete early[url];
  const answer = asked ? await asked.catch(() => null) : null;
  return parse<T>(answer ?? (await fetch(url, { credentials: "same-origin" })));
}

/** A state-changing JSON call (same-origin, so the CSRF check passes). */
export async function sendJson<T = unknown>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  return parse<T>(await fetch(url, { method, credentials: "same-origin", headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
