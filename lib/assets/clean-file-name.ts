// Characters that change how a name looks without being seen: C0/C1 controls, DEL, bidi marks,
// embeddings, overrides and isolates (a right-to-left override turns "gpj.exe" into "exe.jpg"),
// zero-width space, word joiners and the BOM. ZWJ/ZWNJ stay: emoji sequences and scripts use them.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const MAX_LENGTH = 255;

/**
 * The one display name Albums keeps for a file, however the name arrived (multipart upload,
 * resumable upload, share target, Takeout): the last path segment, with invisible and control
 * characters removed, NFC, trimmed, at most 255 characters, never empty, "." or "..". Names are
 * only ever shown and searched; paths on disk come from content hashes.
 */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? "").replace(INVISIBLE, "").split(/[/\\]/).pop()!.normalize("NFC").trim();
  if (base === "" || base === "." || base === "..") return "unnamed";
  return Array.from(base).slice(0, MAX_LENGTH).join("");
}
