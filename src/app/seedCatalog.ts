import { existsSync } from 'node:fs';
import path from 'node:path';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import { formatSummary } from '../ingestion/formatSummary.js';
import { importMovieLens } from '../ingestion/movieLens/importMovieLens.js';
import type { Stores } from './openStores.js';
import { describeItem2vecRun, trainItem2vec } from './trainItem2vec.js';

export type SeedOutcome = 'not-empty' | 'seeded' | 'no-seed';

/**
 * Fills an empty catalog from the configured MovieLens directory and trains item2vec on its
 * ratings, so that the first start serves real data through every retrieval source. With
 * nothing to load it says what to do instead of guessing. `catalogName` is where the catalog
 * lives, as a person would look for it: the Qdrant collection in service mode, else DATA_DIR.
 */
export async function seedCatalog(stores: Stores, seedDir: string | null, catalogName: string, log: (line: string) => void): Promise<SeedOutcome> {
  if ((await stores.catalog.count()) > 0) return 'not-empty';
  if (!seedDir || !existsSync(path.join(seedDir, 'movies.csv'))) {
    log(
      `The catalog (${catalogName}) is empty and ${seedDir ? `no MovieLens data was found at ${seedDir}` : 'seeding is off (SEED_MOVIELENS=none)'}.\n` +
        '  Load one with:  npm run ingest -- --movielens DIR   (or --items FILE / --events FILE)\n' +
        '  or start with:  SEED_MOVIELENS=DIR npm start\n' +
        '  The gateway serves meanwhile; upsertItems and recordEvents fill it too.',
    );
    return 'no-seed';
  }
  log(`The catalog (${catalogName}) is empty: loading MovieLens from ${seedDir} (once; later starts reuse it)`);
  const reporter = createProgressReporter(process.stderr);
  let issues = 0;
  try {
    const summary = await importMovieLens(seedDir, {
      catalog: stores.catalog,
      features: stores.features,
      embedder: stores.embedder,
      onProgress: (progress) => reporter.update(progress),
      onIssue: (issue) => {
        issues += 1;
        if (issues <= 20) reporter.log(`${issue.file}:${issue.line}: ${issue.message}`);
      },
    });
    reporter.stop();
    log(formatSummary(summary));
    // The seed brings an event log, so the collaborative source can work from the first request;
    // on MovieLens small this takes a few seconds, once.
    log(describeItem2vecRun(await trainItem2vec({ catalog: stores.catalog, events: stores.features })));
    return 'seeded';
  } catch (error) {
    reporter.stop();
    throw error;
  }
}
