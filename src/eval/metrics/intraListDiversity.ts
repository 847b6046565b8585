/**
 * Mean pairwise dissimilarity of a list's items, 1 − Jaccard of their category sets (genres).
 * An id the lookup does not know has no categories, and two items without categories count
 * as alike (Jaccard 1), so that missing data never reads as variety. Null for lists of
 * fewer than two items.
 */
export function intraListDiversity(ids: readonly string[], categoriesOf: (id: string) => readonly string[] | undefined): number | null {
  if (ids.length < 2) return null;
  const sets = ids.map((id) => new Set(categoriesOf(id) ?? []));
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < sets.length; a += 1) {
    for (let b = a + 1; b < sets.length; b += 1) {
      sum += 1 - jaccard(sets[a]!, sets[b]!);
      pairs += 1;
    }
  }
  return sum / pairs;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}
