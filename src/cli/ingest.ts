/**
 * Loads catalogs and events into the embedded data directory.
 *
 *   npm run ingest -- [--help] [--strict] [--data-dir DIR] [--movielens DIR] [--items FILE]... [--events FILE]... [FILE]...
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStores, type Stores } from '../app/openStores.js';
import { loadConfig } from '../config/loadConfig.js';
import { BadRecordError } from '../ingestion/badRecordError.js';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import { formatSummary } from '../ingestion/formatSummary.js';
import { ingestFiles, type IngestSources } from '../ingestion/ingestFiles.js';
import type { RecordIssue } from '../ingestion/recordIssue.js';
import { sniffRecordKind } from '../ingestion/sniffRecordKind.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run ingest -- [options] [FILE...]

Loads a catalog and events into the data directory, idempotently: items by id, events by
id (derived from their fields when they have none), so running the same command twice, or
again after an interruption, gives the same state. Each batch is one transaction.

Sources (any number, ingested in this order: MovieLens, items, events):
  --movielens DIR   a directory in the ml-latest-small format (movies.csv, ratings.csv, tags.csv)
  --items FILE      a catalog file: one item per record with id, title, text, categories, tags, year
  --events FILE     an event file: one event per record with id, type, userId, itemId, timestamp,
                    value, requestId
  FILE              a catalog or an event file, told apart by its fields

Files are JSON Lines (.jsonl, .ndjson) or CSV with a header row (.csv). In CSV, lists
(categories, tags) separate their values with "|". Timestamps are ISO 8601 with a zone
(2018-09-24T10:00:00Z) or epoch numbers: below 1e11 seconds, from 1e11 milliseconds; none
means now. Event types: view, click, add_to_cart, purchase, rating (value 0.5..5), impression.

Options:
  --data-dir DIR    the data directory (default: DATA_DIR, or ./data)
  --strict          stop at the first bad record (exit code 1); otherwise bad records are
                    reported with file and line and the run goes on
  --help            print this and exit

The embedding model comes from EMBEDDING_MODEL (EMBEDDING_MODEL=builtin works offline).
Exit codes: 0 done, 1 a bad record with --strict, a file or directory that cannot be read, or
another failure, 2 a usage error (unknown option, nothing to ingest).`;

/** Issues printed one by one; beyond this they are only counted. */
const ISSUES_SHOWN = 100;

class UsageError extends Error {}

/** The command is well formed but names something that is not there: one line, no usage. */
class InputError extends Error {}

interface Command {
  readonly dataDir: string;
  readonly strict: boolean;
  readonly sources: IngestSources;
}

async function parseCommand(argv: readonly string[]): Promise<Command | 'help'> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        movielens: { type: 'string' },
        items: { type: 'string', multiple: true, default: [] },
        events: { type: 'string', multiple: true, default: [] },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const items = [...values.items];
  const events = [...values.events];
  for (const file of positionals) {
    const kind = await sniffRecordKind(file).catch((error: Error) => {
      throw new InputError(`cannot read ${file}: ${error.message}`);
    });
    if (kind === null) throw new UsageError(`cannot tell whether ${file} holds items or events: use --items or --events`);
    (kind === 'items' ? items : events).push(file);
  }
  if (values.movielens !== undefined && !(await isDirectory(values.movielens))) {
    throw new InputError(`--movielens ${values.movielens} is not a directory`);
  }
  if (values.movielens === undefined && items.length === 0 && events.length === 0) {
    throw new UsageError('nothing to ingest: give --movielens DIR, --items FILE or --events FILE');
  }
  return {
    dataDir: path.resolve(values['data-dir'] ?? loadConfig().data.dir),
    strict: values.strict,
    sources: { movieLens: values.movielens ?? null, items, events },
  };
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

async function run(command: Command): Promise<number> {
  const config = loadConfig();
  const reporter = createProgressReporter(process.stderr);
  let issues = 0;
  const onIssue = (issue: RecordIssue) => {
    issues += 1;
    if (issues <= ISSUES_SHOWN) reporter.log(`${issue.file}:${issue.line}: ${issue.message}`);
  };

  let stores: Stores | null = null;
  try {
    // Ingestion sends whole batches and never repeats a text: the query cache and the
    // micro-batching queue would only add work, so both are off here.
    stores = await openStores({ ...config, data: { ...config.data, dir: command.dataDir } }, { embedding: { cacheSize: 0, queueWindowMs: 0 } });
    const { embedder, catalog, features } = stores;
    if (stores.storedModelMismatch) {
      process.stderr.write(
        `warning: the catalog in ${command.dataDir} was embedded with "${stores.storedModelMismatch}"; new items are embedded with ` +
          `"${embedder.modelId}". Their vectors are only comparable if these name the same model.\n`,
      );
    }
    process.stderr.write(`ingesting into ${command.dataDir} with ${embedder.modelId}\n`);
    const summary = await ingestFiles(command.sources, { catalog, features, embedder }, {
      strict: command.strict,
      skipUnchanged: stores.storedModelMismatch === null,
      onIssue,
      onProgress: (progress) => reporter.update(progress),
    });
    reporter.stop();
    if (issues > ISSUES_SHOWN) process.stderr.write(`… and ${issues - ISSUES_SHOWN} more records refused or skipped\n`);
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    reporter.stop();
    if (error instanceof BadRecordError) {
      process.stderr.write(`${error.message}\nstopped at the first bad record (--strict); batches before it are written\n`);
      return 1;
    }
    process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await stores?.close();
  }
}

async function main(): Promise<number> {
  let command;
  try {
    command = await parseCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`ingest: ${error.message}\n`);
      return 1;
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Writes are synchronous SQLite transactions, so a signal is handled between batches,
  // never inside one: what is written is whole, and the same command finishes the job.
  process.once('SIGINT', () => {
    process.stderr.write('\ninterrupted: every batch written so far is complete; run the same command again to finish\n');
    process.exit(130);
  });
  return run(command);
}

runCommand(main, { label: 'ingest failed', detail: 'stack' });
