import { performance } from 'node:perf_hooks';
import type { Gateway } from '../../pipeline/gateway.js';
import type { SearchRequest } from '../../pipeline/requests.js';
import type { CatalogIndex } from '../../ports/catalogIndex.js';
import type { Embedder } from '../../ports/embedder.js';
import { reciprocalRankFusion } from '../../retrieval/reciprocalRankFusion.js';
import { summarizeMs, type MsSummary } from './summarizeMs.js';

export interface FullVersusRetrieval {
  readonly queries: number;
  readonly rounds: number;
  readonly full: MsSummary;
  readonly retrievalOnly: MsSummary;
  /** Median full / median retrieval: what ranking and re-ranking cost on top of retrieval. */
  readonly ratio: number;
}

export interface RetrievalParts {
  readonly catalog: CatalogIndex;
  readonly embedder: Embedder;
  /** Candidates per source, as the gateway is configured. */
  readonly candidatesPerSource: number;
}

/**
 * Search through the whole pipeline against its retrieval stage alone (embedding, dense and
 * BM25 retrieval, fusion: what the gateway does before feature fetch), on the same queries in
 * the same process, alternating which goes first, so machine noise hits both sides alike.
 */
export async function compareFullToRetrieval(gateway: Gateway, parts: RetrievalParts, queries: readonly string[], rounds: number): Promise<FullVersusRetrieval> {
  const full: number[] = [];
  const retrieval: number[] = [];
  const runFull = async (query: string) => {
    const request: SearchRequest = { query, filter: null, userId: null, diversity: null, offset: 0, first: 10 };
    const start = performance.now();
    await gateway.search(request, gateway.createScope());
    full.push(performance.now() - start);
  };
  const runRetrieval = async (query: string) => {
    const start = performance.now();
    const [vector] = await parts.embedder.embed([query]);
    const options = { limit: parts.candidatesPerSource };
    const [dense, lexical] = await Promise.all([parts.catalog.searchDense(vector!, options), parts.catalog.searchLexical(query, options)]);
    reciprocalRankFusion([
      { source: 'lexical', hits: lexical },
      { source: 'dense', hits: dense },
    ]);
    retrieval.push(performance.now() - start);
  };
  // One untimed pass warms caches (query embeddings, SQLite pages) for both sides.
  for (const query of queries) {
    await runFull(query);
    await runRetrieval(query);
  }
  full.length = 0;
  retrieval.length = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      if (round % 2 === 0) {
        await runFull(query);
        await runRetrieval(query);
      } else {
        await runRetrieval(query);
        await runFull(query);
      }
    }
  }
  const fullSummary = summarizeMs(full);
  const retrievalSummary = summarizeMs(retrieval);
  return { queries: queries.length, rounds, full: fullSummary, retrievalOnly: retrievalSummary, ratio: fullSummary.medianMs / retrievalSummary.medianMs };
}
