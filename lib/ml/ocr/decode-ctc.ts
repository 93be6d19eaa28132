// Greedy CTC decoding of the recogniser's per-step character probabilities.

/**
 * Decodes `steps`×`classes` softmax rows (row-major): best class per step, repeats merged, class 0
 * (blank) dropped; class k ≥ 1 is `charset[k - 1]`. The score is the mean probability of the kept
 * characters (0 when none are kept).
 */
export function decodeCtc(probs: ArrayLike<number>, steps: number, classes: number, charset: readonly string[]): { text: string; score: number } {
  let text = "";
  let sum = 0;
  let kept = 0;
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    for (let k = 0, at = t * classes; k < classes; k++, at++) {
      if (probs[at]! > bestP) {
        bestP = probs[at]!;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += charset[best - 1] ?? "";
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, score: kept ? sum / kept : 0 };
}
