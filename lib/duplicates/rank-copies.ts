/** What the ranking looks at in one copy of a picture. */
export type CopyFacts = {
  id: string;
  width: number | null;
  height: number | null;
  /** Bytes of the original. */
  size: number;
  /** Set when this copy is an edit of another photo. */
  editedFromId: string | null;
  hasGps: boolean;
  /** Where the capture time came from: "exif" is the camera's own. */
  capturedAtSource: string;
  /** When the library received it (ISO). */
  createdAt: string;
};

const pixels = (c: CopyFacts) => (c.width ?? 0) * (c.height ?? 0);

/** Best first; each criterion only breaks the ties of the one before. */
const CRITERIA: ((a: CopyFacts, b: CopyFacts) => number)[] = [
  (a, b) => pixels(b) - pixels(a),
  (a, b) => Number(a.editedFromId !== null) - Number(b.editedFromId !== null),
  (a, b) => Number(b.hasGps) - Number(a.hasGps),
  (a, b) => Number(b.capturedAtSource === "exif") - Number(a.capturedAtSource === "exif"),
  (a, b) => b.size - a.size,
  (a, b) => a.createdAt.localeCompare(b.createdAt),
  (a, b) => a.id.localeCompare(b.id),
];

/**
 * The copies of one picture, the one to keep first: the largest resolution, then the original over
 * an edited copy, then one with GPS, then one with the camera's own capture time, then the larger
 * file (less compressed), then the first the library received. Pure; does not change its input.
 */
export function rankCopies<T extends CopyFacts>(copies: readonly T[]): T[] {
  return [...copies].sort((a, b) => {
    for (const criterion of CRITERIA) {
      const order = criterion(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}
