/** A year label on the scrubber: its text and where it starts, as a fraction of the timeline's height. */
export type YearMark = { label: string; fraction: number };

/**
 * The year labels that fit a scrubber `barPx` tall without overlapping (each needs `labelPx`):
 * the newest and the oldest year always stay, and from the top down a year is kept only when it
 * starts at least one label height below the last kept one (so on a phone with many years, some
 * years go unlabelled rather than printed over each other).
 */
export function placeYearLabels(marks: YearMark[], barPx: number, labelPx: number): (YearMark & { top: number })[] {
  // A label never hangs below the bar.
  const at = (m: YearMark) => ({ ...m, top: Math.min(m.fraction * barPx, Math.max(0, barPx - labelPx)) });
  if (marks.length <= 1) return marks.map(at);
  const last = at(marks.at(-1)!);
  const kept = [at(marks[0]!)];
  for (const mark of marks.slice(1, -1)) {
    const placed = at(mark);
    if (placed.top - kept.at(-1)!.top >= labelPx && last.top - placed.top >= labelPx) kept.push(placed);
  }
  if (last.top - kept.at(-1)!.top >= labelPx || kept.length === 1) kept.push(last);
  // The first and last collide (a very short bar): the last one is pushed to the first's next slot.
  if (kept.length === 2 && last.top - kept[0]!.top < labelPx) kept[1] = { ...last, top: kept[0]!.top + labelPx };
  return kept;
}
