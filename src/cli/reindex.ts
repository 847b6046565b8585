/**
 * Rebuilds the Qdrant collection of service mode with no downtime.
 *
 *   npm run reindex -- [--from qdrant|embedded | --from-file FILE] [--data-dir DIR] [--reembed] [--keep-previous]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QdrantCatalogIndex } from '../adapters/qdrant/qdrantCatalogIndex.js';
import { reindexQdrant } from '../adapters/qdrant/reindexQdrant.js';
import { CATALOG_FILE, SqliteCatalogIndex } from '../adapters/sqlite/sqliteCatalogIndex.js';
import { QdrantSetupError } from '../adapters/qdrant/qdrantSetupError.js';
import { createEmbedder } from '../adapters/transformers/createEmbedder.js';
import { stageItemFile } from '../app/stageItemFile.js';
import type { QdrantConfig } from '../config/config.js';
import { loadConfig } from '../config/loadConfig.js';
import { createProgressReporter } from '../ingestion/createProgressReporter.js';
import { fileFormat } from '../ingestion/fileFormat.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import { runCommand } from './runCommand.js';

const USAGE = `Usage: npm run reindex -- [options]

Rebuilds the catalog of service mode (QDRANT_URL) with no downtime: creates a new Qdrant
collection with the current settings (QDRANT_HNSW_M, QDRANT_HNSW_EF_CONSTRUCT,
QDRANT_ON_DISK, QDRANT_QUANTIZATION), fills it from the source, then switches the alias
QDRANT_COLLECTION to it in one atomic step and deletes the collection it replaced. Running
gateways keep answering from the old collection until the switch, and from the new one
after it. If anything fails before the switch, the new collection is dropped and nothing
changes.

Options:
  --from qdrant       copy the collection behind the alias (default): new settings, BM25
                      vectors recomputed, text and collaborative vectors copied
  --from embedded     copy the embedded catalog (catalog.db in DATA_DIR, or --data-dir):
                      how an embedded deployment moves to service mode
  --from-file FILE    build the catalog from a catalog file (.jsonl, .ndjson or .csv, as
                      npm run ingest reads them): every record is validated (the first bad
                      one stops the run, the alias unchanged) and embedded with
                      EMBEDDING_MODEL; items the current collection holds keep their
                      createdAt and collaborative vectors; items not in the file are gone
  --data-dir DIR      the embedded catalog to read with --from embedded (default DATA_DIR)
  --reembed           embed every item again with EMBEDDING_MODEL instead of copying the
                      stored text vectors: how the catalog moves to another model
  --keep-previous     keep the replaced collection (for a rollback: point the alias back)
  --help              print this and exit


Exit codes: 0 done, 1 a failure (the alias unchanged), 2 a usage error.`;

async function main(): Promise<number> {
  let values: { from?: string; 'from-file'?: string; 'data-dir'?: string; reembed?: boolean; 'keep-previous'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        'from-file': { type: 'string' },
        'data-dir': { type: 'string' },
        reembed: { type: 'boolean', default: false },
        'keep-previous': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const file = values['from-file'];
    if (file !== undefined) {
      if (values.from !== undefined) throw new Error('--from-file and --from name two sources: give one');
      if (values.reembed) throw new Error('--reembed goes with --from: items from a file are always embedded');
      fileFormat(file);
    }
    values.from ??= file === undefined ? 'qdrant' : 'file';
    if (file === undefined && values.from !== 'qdrant' && values.from !== 'embedded') throw new Error(`--from must be qdrant or embedded, got "${values.from}"`);
    if (values['data-dir'] !== undefined && values.from !== 'embedded') throw new Error('--data-dir goes with --from embedded');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (!config.qdrant) {
    process.stderr.write('QDRANT_URL is not set: reindexing rebuilds the Qdrant collection of service mode.\n');
    return 2;
  }
  const embedder = await createEmbedder(config.embedding);
  let source: CatalogIndex | null = null;
  let scratchDir: string | null = null;
  const progress = createProgressReporter(process.stderr);
  try {
    let sourceModelId: string;
    let label: string;
    const file = values['from-file'];
    if (file !== undefined) {
      if (!existsSync(file)) {
        process.stderr.write(`No such file: ${file}\n`);
        return 1;
      }
      const current = await openCurrent(config.qdrant, embedder, (line) => progress.log(line));
      scratchDir = await mkdtemp(path.join(os.tmpdir(), 'reindex-file-'));
      try {
        source = await stageItemFile(file, embedder, { scratchDir, current, onProgress: (update) => progress.update(update) });
      } finally {
        await current?.close();
      }
      [sourceModelId, label] = [embedder.modelId, `${file} (staged)`];
      // An empty file would switch the alias to an empty catalog: surely a mistake.
      if ((await source.count()) === 0) {
        process.stderr.write(`${file} holds no items: nothing to index (the alias is unchanged).\n`);
        return 1;
      }
    } else if (values.from === 'embedded') {
      const dir = path.resolve(values['data-dir'] ?? config.data.dir);
      if (!existsSync(path.join(dir, CATALOG_FILE))) {
        process.stderr.write(`No embedded catalog in ${dir} (${CATALOG_FILE} is missing).\n`);
        return 1;
      }
      const sqlite = SqliteCatalogIndex.open(dir, { dimension: embedder.dimension, modelId: embedder.modelId });
      [source, sourceModelId, label] = [sqlite, sqlite.meta.modelId, path.join(dir, CATALOG_FILE)];
    } else {
      const qdrant = await QdrantCatalogIndex.open(config.qdrant, { dimension: embedder.dimension, modelId: embedder.modelId, readExisting: true });
      [source, sourceModelId, label] = [qdrant, qdrant.storedModelId, `qdrant ${config.qdrant.collection}`];
    }
    if (!values.reembed && source.dimension !== embedder.dimension) {
      process.stderr.write(
        `The source holds ${source.dimension}-dimensional vectors, but ${embedder.modelId} makes ${embedder.dimension}: pass --reembed to embed the items with it.\n`,
      );
      return 1;
    }
    const result = await reindexQdrant(config.qdrant, {
      source,
      sourceModelId,
      ...(values.reembed ? { reembed: embedder } : {}),
      keepPrevious: values['keep-previous'] === true,
      onProgress: (processed, total) => progress.update({ stage: 'items', file: label, processed, total }),
      log: (line) => progress.log(line),
    });
    progress.stop();
    process.stdout.write(
      `alias "${config.qdrant.collection}" now points to ${result.collection}: ${result.items} items, ${result.collaborativeVectors} collaborative vectors` +
        `${result.previous ? `; ${result.previous} ${values['keep-previous'] ? 'kept' : 'deleted'}` : ''}\n`,
    );
    return 0;
  } finally {
    await Promise.allSettled([source?.close(), embedder.close()]);
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  }
}

/** The collection behind the alias, to carry createdAt and collaborative vectors over from; null on a first index. */
async function openCurrent(
  qdrant: QdrantConfig,
  embedder: Embedder,
  log: (line: string) => void,
): Promise<QdrantCatalogIndex | null> {
  try {
    return await QdrantCatalogIndex.open(qdrant, { dimension: embedder.dimension, modelId: embedder.modelId, readExisting: true });
  } catch (error) {
    if (!(error instanceof QdrantSetupError)) throw error;
    log(`nothing to carry over: ${error.message}`);
    return null;
  }
}

runCommand(main, { label: 'reindex failed' });
