import { performance } from 'node:perf_hooks';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { FeatureStore } from '../ports/featureStore.js';
import { countLines } from './countLines.js';
import { fileFormat } from './fileFormat.js';
import { ingestEvents, type EventIngestSummary } from './ingestEvents.js';
import { ingestItems, type ItemIngestOptions, type ItemIngestSummary } from './ingestItems.js';
import type { IngestProgress } from './ingestProgress.js';
import { NO_EVENTS, NO_ITEMS, type IngestSummary } from './ingestSummary.js';
import { importMovieLens } from './movieLens/importMovieLens.js';
import { readEventFile } from './readEventFile.js';
import { readItemFile } from './readItemFile.js';

export interface IngestSources {
  /** A directory in the ml-latest-small format. */
  readonly movieLens?: string | null;
  /** Catalog files (.jsonl, .ndjson, .csv). */
  readonly items?: readonly string[];
  /** Event files (.jsonl, .ndjson, .csv). */
  readonly events?: readonly string[];
}

export interface IngestStores {
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore;
  readonly embedder: Embedder;
}

export interface IngestFilesOptions extends Omit<ItemIngestOptions, 'onProgress' | 'batchSize'> {
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly itemBatchSize?: number;
  readonly eventBatchSize?: number;
}

/**
 * Ingests every source: MovieLens first, then the catalog files, then the event files, each
 * in the order given, because events are only kept for items the catalog has by then.
 */
export async function ingestFiles(sources: IngestSources, stores: IngestStores, options: IngestFilesOptions = {}): Promise<IngestSummary> {
  // Fail on a file of unknown format before anything is written.
  for (const file of [...(sources.items ?? []), ...(sources.events ?? [])]) fileFormat(file);
  const { onProgress, itemBatchSize, eventBatchSize, ...common } = options;
  const started = performance.now();
  let items = NO_ITEMS;
  let events = NO_EVENTS;
  let itemSeconds = 0;
  let eventSeconds = 0;

  if (sources.movieLens) {
    const imported = await importMovieLens(sources.movieLens, { ...stores, ...options });
    items = addItems(items, imported.items);
    events = addEvents(events, imported.events);
    itemSeconds += imported.itemSeconds;
    eventSeconds += imported.eventSeconds;
  }
  for (const file of sources.items ?? []) {
    const total = await countTotal(file);
    const fileStarted = performance.now();
    const summary = await ingestItems(readItemFile(file), stores, {
      ...common,
      batchSize: itemBatchSize,
      onProgress: (processed) => onProgress?.({ stage: 'items', file, processed, total }),
    });
    items = addItems(items, summary);
    itemSeconds += (performance.now() - fileStarted) / 1000;
  }
  for (const file of sources.events ?? []) {
    const total = await countTotal(file);
    const fileStarted = performance.now();
    const summary = await ingestEvents(readEventFile(file), stores, {
      ...common,
      batchSize: eventBatchSize,
      onProgress: (processed) => onProgress?.({ stage: 'events', file, processed, total }),
    });
    events = addEvents(events, summary);
    eventSeconds += (performance.now() - fileStarted) / 1000;
  }
  return { items, events, seconds: (performance.now() - started) / 1000, itemSeconds, eventSeconds };
}

async function countTotal(file: string): Promise<number> {
  const lines = await countLines(file);
  return fileFormat(file) === 'csv' ? Math.max(0, lines - 1) : lines;
}

function addItems(a: ItemIngestSummary, b: ItemIngestSummary): ItemIngestSummary {
  return { ok: a.ok + b.ok, unchanged: a.unchanged + b.unchanged, bad: a.bad + b.bad };
}

function addEvents(a: EventIngestSummary, b: EventIngestSummary): EventIngestSummary {
  return {
    accepted: a.accepted + b.accepted,
    duplicate: a.duplicate + b.duplicate,
    rejected: a.rejected + b.rejected,
    unknownItem: a.unknownItem + b.unknownItem,
  };
}
