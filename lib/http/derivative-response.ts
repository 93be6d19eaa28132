import "server-only";
import type { DerivativeLookup } from "@/lib/assets/open-derivative";
import { sendFile } from "./send-file";

const IMMUTABLE = "private, max-age=31536000, immutable";

/** A ready derivative is served immutable; otherwise a JSON answer that says why (never a broken image). */
export function derivativeResponse(request: Request, lookup: DerivativeLookup): Response {
  if (lookup.state === "ready") return sendFile(request, lookup.file, { cacheControl: IMMUTABLE });
  const noStore = { "Cache-Control": "no-store" };
  if (lookup.state === "pending") {
    return Response.json({ status: "pending", message: "Still being generated; try again shortly." }, { status: 202, headers: { ...noStore, "Retry-After": "1" } });
  }
  return Response.json({ error: { code: "not_available", message: lookup.reason } }, { status: 404, headers: noStore });
}
