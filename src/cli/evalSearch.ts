/**
 * Search quality on Cranfield: the gateway's GraphQL search against BM25 alone and dense alone.
 *
 *   npm run eval:search -- [--data DIR] [--out DIR] [--limit-queries N]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runSearchEval } from '../eval/search/runSearchEval.js';
import { searchMarkdown } from '../eval/search/searchMarkdown.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run eval:search -- [options]

Ingests a Cranfield-format collection (cran.all.1400, cran.qry, QRelsCorrectedforTRECeval)
into a fresh temporary data directory through the ingestion service, starts the gateway on a
free loopback port and runs every query through GraphQL search(query, first: 100); then asks
the same indexes for BM25 alone and dense alone through the CatalogIndex port, with the app's
embedder. Scores nDCG@10 (graded), MAP@100 and Recall@100. Writes OUT/eval-search.json and
OUT/eval-search.md and prints the table. The n-th query of cran.qry is query n.

Options:
  --data DIR           the collection (default ../shared/data/cranfield)
  --out DIR            where results go (default results)
  --limit-queries N    only the first N queries (default: all)
  --help               print this and exit

EMBEDDING_MODEL defaults to builtin here (the project's offline model).`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string', default: '../shared/data/cranfield' },
        out: { type: 'string', default: 'results' },
        'limit-queries': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const limit = values['limit-queries'];
    if (limit !== undefined && !(Number.isInteger(Number(limit)) && Number(limit) > 0)) {
      throw new Error(`--limit-queries must be a positive integer, got "${limit}"`);
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const report = await runSearchEval({
    dataDir: values.data,
    outDir: path.resolve(values.out),
    limitQueries: values['limit-queries'] === undefined ? null : Number(values['limit-queries']),
    env: { EMBEDDING_MODEL: 'builtin', ...process.env },
    command: ['npm run eval:search --', ...process.argv.slice(2)].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${searchMarkdown(report)}\n`);
  process.stderr.write(`wrote ${path.join(values.out, 'eval-search.json')} and eval-search.md\n`);
  return 0;
}

runCommand(main, { label: 'eval:search failed', detail: 'stack' });
