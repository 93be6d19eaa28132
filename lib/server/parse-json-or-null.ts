/** The value of a stored JSON text, or null when the text is not JSON (a damaged or hand-edited row). */
export function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
