import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestFiles } from '../../ingestion/ingestFiles.js';
import type { IngestStores } from '../../ingestion/ingestFiles.js';
import { readCranfield } from '../cranfield/readCranfield.js';
import { startGatewayUnderTest } from '../gatewayUnderTest.js';
import { mapConcurrent } from '../mapConcurrent.js';
import { rankingFromOrder, type Ranking } from '../metrics/ranking.js';
import { machineInfo } from '../report/machineInfo.js';
import { fetchSearchResults } from './fetchSearchResults.js';
import { scoreSearch } from './scoreSearch.js';
import { searchMarkdown } from './searchMarkdown.js';
import type { SearchReport, SearchSystemResult } from './searchReport.js';

export interface SearchEvalOptions {
  /** A directory in the Cranfield layout (cran.all.1400, cran.qry, QRelsCorrectedforTRECeval). */
  readonly dataDir: string;
  readonly outDir?: string | null;
  /** Evaluate only the first N queries; null: all. */
  readonly limitQueries?: number | null;
  readonly concurrency?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly command?: string;
  readonly log?: (line: string) => void;
}

/** GraphQL caps `first` at 100, so every system is cut there. */
export const SEARCH_DEPTH = 100;

/**
 * The search evaluation: the collection's documents go into a fresh data directory through
 * the ingestion service (as a JSON Lines catalog), every query runs through the gateway's
 * GraphQL `search`, and the same indexes are asked directly, through the CatalogIndex port
 * with the app's own embedder, for BM25 alone and dense retrieval alone.
 */
export async function runSearchEval(options: SearchEvalOptions): Promise<SearchReport> {
  const concurrency = options.concurrency ?? 4;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = path.resolve(options.dataDir);
  const collection = await readCranfield(dataDir);
  const queries = options.limitQueries == null ? collection.queries : collection.queries.slice(0, options.limitQueries);
  const judgements = new Map(queries.filter((query) => collection.judgements.has(query.id)).map((query) => [query.id, collection.judgements.get(query.id)!]));

  const work = await mkdtemp(path.join(os.tmpdir(), 'eval-search-'));
  try {
    const catalogFile = path.join(work, 'cranfield.jsonl');
    await writeFile(
      catalogFile,
      collection.documents.map((doc) => JSON.stringify({ id: doc.id, title: doc.title, text: doc.text })).join('\n') + '\n',
    );
    let ingestion: SearchReport['ingestion'] = {};
    let stores: IngestStores | null = null;
    const gateway = await startGatewayUnderTest({
      dataDir: path.join(work, 'data'),
      env: options.env ?? {},
      prepare: async (appStores) => {
        stores = appStores;
        log(`ingesting ${collection.documents.length} documents through the ingestion service`);
        const summary = await ingestFiles({ items: [catalogFile] }, appStores);
        ingestion = { items: summary.items.ok, itemsRefused: summary.items.bad, seconds: summary.seconds, itemsPerSecond: summary.items.ok / summary.itemSeconds };
      },
    });
    const systems: SearchSystemResult[] = [];
    let failureSamples: SearchReport['failureSamples'] = [];
    try {
      log(`running ${queries.length} queries through ${gateway.url}`);
      let systemStarted = performance.now();
      const fetched = await fetchSearchResults(gateway.url, queries, { first: SEARCH_DEPTH, concurrency });
      failureSamples = fetched.failures.slice(0, 5);
      systems.push({
        name: 'gateway search',
        path: 'GraphQL search(query, first: 100) over HTTP',
        failures: fetched.failures.length,
        seconds: (performance.now() - systemStarted) / 1000,
        ...scoreSearch(judgements, fetched.rankings),
      });

      const { catalog, embedder } = stores!;
      systemStarted = performance.now();
      const lexical = new Map<string, Ranking>();
      await mapConcurrent(queries, concurrency, async (query) => {
        const hits = await catalog.searchLexical(query.text, { limit: SEARCH_DEPTH });
        lexical.set(query.id, rankingFromOrder(hits.map((hit) => hit.id)));
      });
      systems.push({
        name: 'BM25 alone',
        path: 'CatalogIndex.searchLexical (SQLite FTS5)',
        failures: 0,
        seconds: (performance.now() - systemStarted) / 1000,
        ...scoreSearch(judgements, lexical),
      });

      systemStarted = performance.now();
      const dense = new Map<string, Ranking>();
      const vectors = await embedder.embed(queries.map((query) => query.text));
      await mapConcurrent(queries, concurrency, async (query, index) => {
        const hits = await catalog.searchDense(vectors[index]!, { limit: SEARCH_DEPTH });
        dense.set(query.id, rankingFromOrder(hits.map((hit) => hit.id)));
      });
      systems.push({
        name: 'dense alone',
        path: `CatalogIndex.searchDense with the app's embedder (${String(gateway.describe['embeddingModel'])})`,
        failures: 0,
        seconds: (performance.now() - systemStarted) / 1000,
        ...scoreSearch(judgements, dense),
      });
      log('scored gateway, BM25 and dense');
    } finally {
      await gateway.stop();
    }

    const report: SearchReport = {
      kind: 'eval-search',
      date: new Date().toISOString(),
      command: options.command ?? 'runSearchEval',
      dataDir,
      machine: machineInfo(),
      config: { depth: SEARCH_DEPTH, concurrency, limitQueries: options.limitQueries ?? null, ...gateway.describe },
      collection: {
        documents: collection.documents.length,
        emptyDocuments: collection.emptyDocumentIds,
        queries: judgements.size,
        judgements: [...judgements.values()].reduce((sum, judged) => sum + judged.size, 0),
      },
      ingestion,
      durations: { totalSeconds: (performance.now() - started) / 1000, ...Object.fromEntries(systems.map((s) => [`${s.name} seconds`, s.seconds])) },
      systems,
      failureSamples,
    };
    if (options.outDir) {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(path.join(options.outDir, 'eval-search.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(path.join(options.outDir, 'eval-search.md'), searchMarkdown(report));
    }
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
