import type { PersonSummary } from "../types";

/**
 * Splits face clusters into those shown by default and the unnamed ones seen on a single photo (a
 * passer-by, a poster, a false detection), which the People screen folds away: Google Photos and
 * Immich hide them too. A named cluster is always shown, whatever its size.
 */
export function foldSinglePhotoPeople(people: PersonSummary[]): { shown: PersonSummary[]; folded: PersonSummary[] } {
  const folded = people.filter((person) => person.photos <= 1 && !person.name);
  return { shown: people.filter((person) => !folded.includes(person)), folded };
}
