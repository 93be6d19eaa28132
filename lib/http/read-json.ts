import { AppError } from "@/lib/errors";

/** The request body as JSON (bounded), or a 400 that says so. */
export async function readJson(request: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("too_large", "The JSON body is too large.");
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("too_large", "The JSON body is too large.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The body must be JSON.");
  }
}
