import type { Candidate, RetrievalSource, ScoredId, SourceHit } from '../domain/candidate.js';

/** One source's ranked list, and how much its votes count in the fusion. */
export interface SourceList {
  readonly source: RetrievalSource;
  readonly hits: readonly ScoredId[];
  readonly weight?: number;
}

/**
 * Reciprocal-rank fusion (Cormack et al. 2009): each source adds weight / (k + rank). It needs
 * no score calibration between sources, which is why BM25, cosine and counts can be mixed.
 * Ties are broken by id so that the order is deterministic.
 */
export function reciprocalRankFusion(lists: readonly SourceList[], k = 60): Candidate[] {
  const byId = new Map<string, { fused: number; hits: SourceHit[] }>();
  for (const list of lists) {
    const weight = list.weight ?? 1;
    list.hits.forEach((hit, index) => {
      const rank = index + 1;
      let entry = byId.get(hit.id);
      if (!entry) {
        entry = { fused: 0, hits: [] };
        byId.set(hit.id, entry);
      }
      // A source that lists an id twice counts its best rank only.
      if (entry.hits.some((existing) => existing.source === list.source)) return;
      entry.fused += weight / (k + rank);
      entry.hits.push({ source: list.source, score: hit.score, rank });
    });
  }
  return [...byId.entries()]
    .map(([itemId, entry]) => ({ itemId, fusedScore: entry.fused, hits: entry.hits }))
    .sort((a, b) => b.fusedScore - a.fusedScore || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}
