/**
 * One movie's tags as users applied them, deduplicated case-insensitively ("Pixar" and
 * "pixar" are one tag), most often applied first, ties in alphabetical order so that the
 * result does not depend on the order of the file. Each tag is spelt the way users spelt it
 * most often (the first spelling seen on a tie), trimmed; empty tags are dropped.
 */
export function rankTags(applied: readonly string[]): string[] {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const raw of applied) {
    const tag = raw.trim();
    if (tag.length === 0) continue;
    const key = tag.toLowerCase();
    const entry = byKey.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count += 1;
    entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .sort(([keyA, a], [keyB, b]) => b.count - a.count || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, { spellings }]) => mostUsed(spellings));
}

function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
