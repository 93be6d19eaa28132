import type { UploadDeps } from "./upload-outcome";

/** The hashes the box already has (POST /api/ingest/check); an unreachable box just means "check by uploading". */
export async function presentOnBox(deps: Pick<UploadDeps, "origin" | "fetch">, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  try {
    const response = await deps.fetch(new URL("/api/ingest/check", deps.origin), {
      method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ sha256: hashes }),
    });
    if (!response.ok) return new Set();
    return new Set(((await response.json()) as { present: string[] }).present);
  } catch {
    return new Set();
  }
}
