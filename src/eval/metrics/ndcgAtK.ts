import type { Judgements } from './judgements.js';
import { spansWithin, type Ranking } from './ranking.js';

function gain(grade: number): number {
  return grade > 0 ? 2 ** grade - 1 : 0;
}

function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

/**
 * Normalised discounted cumulative gain with graded relevance: gain 2^grade − 1 and discount
 * 1 / log2(1 + position). The ideal list is built from every judged item, retrieved or not,
 * so missing a relevant item costs as much as ranking it low. A tie group shares the mean
 * discount of its places within the cutoff. Null when nothing is relevant.
 */
export function ndcgAtK(ranking: Ranking, judgements: Judgements, k: number): number | null {
  const ideal = [...judgements.values()]
    .map(gain)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, position) => sum + g * discount(position), 0);
  if (ideal === 0) return null;
  let dcg = 0;
  for (const { ids, start } of spansWithin(ranking, k)) {
    const end = Math.min(start + ids.length, k);
    let discounts = 0;
    for (let position = start; position < end; position += 1) discounts += discount(position);
    const gains = ids.reduce((sum, id) => sum + gain(judgements.get(id) ?? 0), 0);
    dcg += (gains * discounts) / ids.length;
  }
  return dcg / ideal;
}
