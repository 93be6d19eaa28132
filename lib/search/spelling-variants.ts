/** Query words shorter than this are never corrected: a short word one letter off is another word. */
export const MIN_CORRECTED_LENGTH = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Every word one edit away from `word` (a letter deleted, inserted, replaced, or two neighbours
 * swapped): the candidates a typo correction looks up in the index. A 7-letter word has ~440.
 * Words with digits (file names, numbers, years) or shorter than MIN_CORRECTED_LENGTH have none.
 */
export function spellingVariants(word: string): string[] {
  if (word.length < MIN_CORRECTED_LENGTH || !/^[a-z]+$/.test(word)) return [];
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) variants.add(head + tail.slice(1));
    if (tail.length > 1) variants.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) variants.add(head + letter + tail.slice(1));
      variants.add(head + letter + tail);
    }
  }
  variants.delete(word);
  return [...variants];
}
