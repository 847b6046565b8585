import { performance } from 'node:perf_hooks';
import type { InteractionEvent } from '../domain/event.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { EventLog } from '../ports/eventLog.js';
import { ITEM2VEC_DEFAULTS } from '../training/item2vecDefaults.js';
import type { SkipGramOptions } from '../training/skipGramOptions.js';
import { trainWord2Vec } from '../training/trainWord2Vec.js';
import { userSequences } from '../training/userSequences.js';

/** What one item2vec run read, learnt and stored. */
export interface Item2vecRun {
  readonly options: SkipGramOptions;
  readonly events: number;
  /** Users with at least two positive items after minCount: the sequences trained on. */
  readonly sequences: number;
  /** Distinct items liked by anyone, and how many of them got a vector. */
  readonly likedItems: number;
  readonly trainedItems: number;
  /** Collaborative vectors now in the catalog (trained items that are still in it). */
  readonly stored: number;
  readonly tokensTrained: number;
  readonly trainSeconds: number;
  readonly tokensPerSecond: number;
}

/**
 * Trains item2vec on every user's time-ordered positive events, read through the EventLog,
 * and replaces the catalog's collaborative vectors with the result.
 */
export async function trainItem2vec(
  stores: { readonly catalog: CatalogIndex; readonly events: EventLog },
  options: Partial<SkipGramOptions> = {},
): Promise<Item2vecRun> {
  const events: InteractionEvent[] = [];
  for await (const event of stores.events.scan()) events.push(event);
  const sequences = userSequences(events);
  const started = performance.now();
  const model = trainWord2Vec(sequences, { ...ITEM2VEC_DEFAULTS, ...options });
  const trainSeconds = (performance.now() - started) / 1000;
  const { dimension } = model;
  const entries = model.tokens.map((id, row) => ({ id, vector: model.vectors.subarray(row * dimension, (row + 1) * dimension) }));
  const stored = await stores.catalog.replaceCollaborativeVectors(entries);
  return {
    options: model.options,
    events: events.length,
    sequences: model.sequences,
    likedItems: model.inputVocabulary,
    trainedItems: model.tokens.length,
    stored,
    tokensTrained: model.tokensTrained,
    trainSeconds,
    tokensPerSecond: trainSeconds > 0 ? model.tokensTrained / trainSeconds : 0,
  };
}

/** One line for logs: what was learnt and how fast. */
export function describeItem2vecRun(run: Item2vecRun): string {
  return (
    `item2vec: ${run.stored} item vectors (${run.options.dimension} dimensions) from ${run.sequences} users' positive ` +
    `sequences (${run.events} events; ${run.likedItems - run.trainedItems} liked items under minCount ${run.options.minCount} ` +
    `have none); ${run.tokensTrained} tokens in ${run.trainSeconds.toFixed(2)} s = ${Math.round(run.tokensPerSecond)} tokens/s`
  );
}
