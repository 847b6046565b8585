import type { CatalogIndex, CollaborativeEntry } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import { SqliteCatalogIndex } from '../adapters/sqlite/sqliteCatalogIndex.js';
import { countLines } from '../ingestion/countLines.js';
import { fileFormat } from '../ingestion/fileFormat.js';
import { ingestItems } from '../ingestion/ingestItems.js';
import type { IngestProgress } from '../ingestion/ingestProgress.js';
import { readItemFile } from '../ingestion/readItemFile.js';

/** Items per carry-over read from the current catalog: one getItems and one collaborative read each. */
const CARRY_BATCH = 500;

export interface StageItemFileOptions {
  /** An empty directory for the scratch catalog; the caller removes it. */
  readonly scratchDir: string;
  /** The catalog the file replaces, when there is one: its items keep their createdAt and collaborative vectors. */
  readonly current: CatalogIndex | null;
  readonly onProgress?: (progress: IngestProgress) => void;
}

/**
 * Loads a catalog file (.jsonl, .ndjson, .csv) into a scratch embedded catalog, ready to be
 * copied into a new Qdrant collection: every record goes through the ingestion readers and
 * validation, and the first bad one stops the run (strict), so that a rebuild never drops
 * items quietly; every item is embedded with the configured model. Items the current
 * catalog holds keep their createdAt and their collaborative (item2vec) vectors, which a
 * file cannot carry, so that serving does not lose them until the next training run.
 */
export async function stageItemFile(file: string, embedder: Embedder, options: StageItemFileOptions): Promise<SqliteCatalogIndex> {
  const format = fileFormat(file);
  const scratch = SqliteCatalogIndex.open(options.scratchDir, { dimension: embedder.dimension, modelId: embedder.modelId });
  try {
    const lines = await countLines(file);
    const total = format === 'csv' ? Math.max(0, lines - 1) : lines;
    await ingestItems(readItemFile(file), { catalog: scratch, embedder }, {
      strict: true,
      onProgress: (processed) => options.onProgress?.({ stage: 'items', file, processed, total }),
    });
    if (options.current) await carryOver(options.current, scratch);
    return scratch;
  } catch (error) {
    await scratch.close();
    throw error;
  }
}

async function carryOver(current: CatalogIndex, scratch: SqliteCatalogIndex): Promise<void> {
  const collaborative: CollaborativeEntry[] = [];
  for await (const batch of scratch.scan(CARRY_BATCH)) {
    const ids = batch.map((entry) => entry.item.id);
    const [stored, vectors] = await Promise.all([current.getItems(ids), current.getCollaborativeVectors(ids)]);
    const dated = batch.flatMap((entry, i) => {
      const createdAt = stored[i]?.createdAt;
      return createdAt === undefined || createdAt === entry.item.createdAt ? [] : [{ item: { ...entry.item, createdAt }, vector: entry.vector }];
    });
    await scratch.upsert(dated);
    vectors.forEach((vector, i) => {
      if (vector) collaborative.push({ id: ids[i]!, vector });
    });
  }
  if (collaborative.length > 0) await scratch.replaceCollaborativeVectors(collaborative);
}
