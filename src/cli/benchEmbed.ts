import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_MODEL, ensureBuiltinModel } from '../adapters/transformers/builtinModel.js';
import { createEmbedder } from '../adapters/transformers/createEmbedder.js';
import { MINILM_SHAPE, ensureEncoderCostModel } from '../adapters/transformers/ensureEncoderCostModel.js';
import { loadTransformersEmbedder } from '../adapters/transformers/loadTransformersEmbedder.js';
import { loadWorkerEmbedder } from '../adapters/transformers/loadWorkerEmbedder.js';
import type { EmbeddingConfig } from '../config/config.js';
import { loadConfig } from '../config/loadConfig.js';
import type { Embedder } from '../ports/embedder.js';
import { measureBlocking } from './embedBench/measureBlocking.js';
import { percentile } from './embedBench/percentile.js';
import { syntheticTexts } from './embedBench/syntheticTexts.js';

const HELP = `Usage: npm run bench:embed -- [options]

Measures the embedder as the gateway builds it (createEmbedder: model, micro-batching queue,
LRU cache): ingestion throughput by batch size, single-query latency cold (cache miss) and
warm (cache hit), a burst of concurrent queries with and without the queue, and how long a
model call blocks the event loop. Writes the figures as JSON and prints Markdown tables.

The other EMBEDDING_* variables (cache dir, quantized, max length, queue window...) are read
from the environment as the gateway reads them.

Options:
  --model M           model to measure (default builtin; a hub id or a local directory works too)
  --dim N             dimension of the builtin model (default 384)
  --texts N           texts per ingestion run (default 2048 short, a quarter of that long)
  --queries N         single queries timed cold and warm (default 300)
  --burst N           concurrent queries in the burst (default 64)
  --out FILE          where to write the JSON (default results/bench-embed.json)
  --skip-encoder      skip the MiniLM-sized encoder cost measurement (main thread and worker, about 30 s)
  -h, --help          show this help
`;

const BATCH_SIZES = [1, 8, 32, 128];
const PROFILES = [
  { name: 'short', minWords: 4, maxWords: 16, share: 1 },
  { name: 'long', minWords: 80, maxWords: 200, share: 0.25 },
] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      dim: { type: 'string' },
      texts: { type: 'string' },
      queries: { type: 'string' },
      burst: { type: 'string' },
      out: { type: 'string' },
      'skip-encoder': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const textCount = positive(values.texts, 'texts', 2048);
  const queryCount = positive(values.queries, 'queries', 300);
  const burstSize = positive(values.burst, 'burst', 64);
  const out = path.resolve(values.out ?? 'results/bench-embed.json');
  const config = loadConfig({
    ...process.env,
    EMBEDDING_MODEL: values.model ?? BUILTIN_MODEL,
    EMBEDDING_BUILTIN_DIMENSION: String(positive(values.dim, 'dim', 384)),
  }).embedding;

  const loadAtStart = os.loadavg()[0] ?? 0;
  progress(`model ${config.model}`);
  const load = await measureLoad(config);
  const adapter = await loadTransformersEmbedder({ ...config, batchSize: 1024 });
  await adapter.warmUp();

  const ingestion: IngestionRow[] = [];
  for (const profile of PROFILES) {
    const texts = syntheticTexts(Math.max(1, Math.round(textCount * profile.share)), profile.minWords, profile.maxWords, 11);
    for (const batchSize of BATCH_SIZES) {
      progress(`ingestion ${profile.name} × batch ${batchSize}`);
      const perBatch: number[] = [];
      const blocking = await measureBlocking(async () => {
        for (let start = 0; start < texts.length; start += batchSize) {
          // As in a server, other work gets a turn between batches; the delay measured is one batch's.
          await new Promise((resolve) => setImmediate(resolve));
          const started = performance.now();
          await adapter.embed(texts.slice(start, start + batchSize));
          perBatch.push(performance.now() - started);
        }
      });
      ingestion.push({
        texts: profile.name,
        words: `${profile.minWords}-${profile.maxWords}`,
        batchSize,
        count: texts.length,
        textsPerSecond: round(texts.length / (blocking.elapsedMs / 1000)),
        msPerBatchP50: round(percentile(perBatch, 50)),
        msPerBatchMax: round(Math.max(...perBatch)),
        eventLoopMaxDelayMs: round(blocking.maxDelayMs),
      });
    }
  }

  progress('single queries, cold and warm');
  const queries = await measureQueries(config, adapter, queryCount);
  progress('burst');
  const burst = await measureBurst(config, burstSize);
  await adapter.close();
  const encoderCost = values['skip-encoder'] ? null : await measureEncoderCost(config);

  const result: Result & Record<string, unknown> = {
    date: new Date().toISOString(),
    model: config.model,
    modelId: adapter.modelId,
    dimension: adapter.dimension,
    quantized: config.quantized,
    maxLength: adapter.maxLength,
    queue: { windowMs: config.queueWindowMs, maxBatch: config.queueMaxBatch },
    cacheSize: config.cacheSize,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.arch()}`,
      node: process.version,
      // The machine is shared: figures taken under load are slower and noisier.
      loadAverageAtStart: round(loadAtStart),
    },
    load,
    ingestion,
    queries,
    burst,
    encoderCost,
  };
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${markdown(result)}\nWrote ${path.relative(process.cwd(), out)}\n`);
}

async function measureLoad(config: EmbeddingConfig) {
  let generateMs: number | null = null;
  if (config.model === BUILTIN_MODEL) {
    const started = performance.now();
    await ensureBuiltinModel(config.cacheDir, config.builtinDimension);
    generateMs = round(performance.now() - started);
  }
  const started = performance.now();
  const adapter = await loadTransformersEmbedder(config);
  const loadMs = round(performance.now() - started);
  const first = performance.now();
  await adapter.embed(['the very first query, before any warm-up']);
  const firstCallMs = round(performance.now() - first);
  const second = performance.now();
  await adapter.embed(['the second query, right after it']);
  const secondCallMs = round(performance.now() - second);
  await adapter.close();
  return { generateOrFindBuiltinMs: generateMs, loadMs, firstCallMs, secondCallMs };
}

/** Sequential single-text queries through the full stack: each new text once (cold), then again (warm). */
async function measureQueries(config: EmbeddingConfig, adapter: Embedder, count: number) {
  const texts = syntheticTexts(count, 2, 8, 23);
  const embedder = await createEmbedder(config);
  const time = async (target: Embedder, list: readonly string[]) => {
    const latencies: number[] = [];
    for (const text of list) {
      const started = performance.now();
      await target.embed([text]);
      latencies.push(performance.now() - started);
    }
    return { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
  };
  const cold = await time(embedder, texts);
  const warm = await time(embedder, texts);
  const modelOnly = await time(adapter, syntheticTexts(count, 2, 8, 29));
  await embedder.close();
  return { count, cold, warm, modelOnly };
}

/**
 * `size` different single-text queries at once, through the queue and straight to the model;
 * medians of several rounds, alternating, because one burst lasts only milliseconds.
 */
async function measureBurst(config: EmbeddingConfig, size: number, rounds = 7) {
  const open = async (queued: boolean) => {
    const counter = { modelCalls: 0 };
    const embedder = await createEmbedder(
      { ...config, queueWindowMs: queued ? Math.max(1, config.queueWindowMs) : 0, cacheSize: 0 },
      { onModelCall: () => (counter.modelCalls += 1) },
    );
    return { queued, embedder, counter, totals: [] as number[], p50s: [] as number[], p99s: [] as number[], delays: [] as number[], calls: [] as number[] };
  };
  const modes = [await open(false), await open(true)];
  for (let round = 0; round < rounds; round += 1) {
    for (const mode of modes) {
      const texts = syntheticTexts(size, 2, 8, 1000 + round * 2 + (mode.queued ? 1 : 0));
      const before = mode.counter.modelCalls;
      const latencies: number[] = [];
      const blocking = await measureBlocking(() =>
        Promise.all(
          texts.map(async (text) => {
            const started = performance.now();
            await mode.embedder.embed([text]);
            latencies.push(performance.now() - started);
          }),
        ),
      );
      mode.calls.push(mode.counter.modelCalls - before);
      mode.totals.push(blocking.elapsedMs);
      mode.p50s.push(percentile(latencies, 50));
      mode.p99s.push(percentile(latencies, 99));
      mode.delays.push(blocking.maxDelayMs);
    }
  }
  await Promise.all(modes.map((mode) => mode.embedder.close()));
  return modes.map((mode) => ({
    queue: mode.queued,
    queries: size,
    rounds,
    modelCalls: percentile(mode.calls, 50),
    totalMs: round(percentile(mode.totals, 50)),
    p50Ms: round(percentile(mode.p50s, 50)),
    p99Ms: round(percentile(mode.p99s, 50)),
    eventLoopMaxDelayMs: round(percentile(mode.delays, 50)),
  }));
}

/**
 * The builtin model is a table lookup, far cheaper than the production model. A random encoder
 * of all-MiniLM-L6-v2's sizes shows what the production model would cost here, which is what
 * decides whether inference needs a worker thread.
 */
async function measureEncoderCost(config: EmbeddingConfig) {
  progress(`encoder of all-MiniLM-L6-v2's sizes (${MINILM_SHAPE.layers} layers × ${MINILM_SHAPE.dimension}, feed-forward ${MINILM_SHAPE.feedForward})`);
  const directory = await ensureEncoderCostModel(config.cacheDir);
  const encoderConfig = { ...config, model: directory, quantized: false, batchSize: 1024 };
  const inMainThread = await loadTransformersEmbedder(encoderConfig);
  await inMainThread.warmUp();
  const inWorker = await loadWorkerEmbedder(encoderConfig);
  const rows = [];
  for (const [profile, minWords, maxWords, batchSize, batches] of [
    ['short', 2, 8, 1, 30],
    ['short', 2, 8, 32, 4],
    ['long', 80, 200, 1, 8],
    ['long', 80, 200, 8, 2],
  ] as const) {
    const texts = syntheticTexts(batchSize * batches, minWords, maxWords, 41);
    const run = async (embedder: Embedder) => {
      const perBatch: number[] = [];
      const blocking = await measureBlocking(async () => {
        for (let start = 0; start < texts.length; start += batchSize) {
          await new Promise((resolve) => setImmediate(resolve));
          const started = performance.now();
          await embedder.embed(texts.slice(start, start + batchSize));
          perBatch.push(performance.now() - started);
        }
      });
      return { textsPerSecond: round(texts.length / (blocking.elapsedMs / 1000)), msPerBatchP50: round(percentile(perBatch, 50)), eventLoopMaxDelayMs: round(blocking.maxDelayMs) };
    };
    rows.push({ texts: profile, words: `${minWords}-${maxWords}`, batchSize, mainThread: await run(inMainThread), worker: await run(inWorker) });
  }
  await Promise.all([inMainThread.close(), inWorker.close()]);
  progress('burst on the MiniLM-sized encoder, in a worker');
  const burst = await measureBurst({ ...encoderConfig, batchSize: config.batchSize, worker: true }, 64, 3);
  return { rows, burst };
}

interface IngestionRow {
  readonly texts: string;
  readonly words: string;
  readonly batchSize: number;
  readonly count: number;
  readonly textsPerSecond: number;
  readonly msPerBatchP50: number;
  readonly msPerBatchMax: number;
  readonly eventLoopMaxDelayMs: number;
}

interface Result {
  readonly model: string;
  readonly dimension: number;
  readonly quantized: boolean;
  readonly maxLength: number;
  readonly queue: { readonly windowMs: number; readonly maxBatch: number };
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGiB: number; readonly platform: string; readonly node: string; readonly loadAverageAtStart: number };
  readonly load: Awaited<ReturnType<typeof measureLoad>>;
  readonly ingestion: readonly IngestionRow[];
  readonly queries: Awaited<ReturnType<typeof measureQueries>>;
  readonly burst: Awaited<ReturnType<typeof measureBurst>>;
  readonly encoderCost: Awaited<ReturnType<typeof measureEncoderCost>> | null;
}

function markdown(result: Result): string {
  const lines = [
    `Model ${result.model} (${result.dimension} dimensions, ${result.quantized ? 'quantized' : 'full precision'}, max ${result.maxLength} tokens) on ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGiB} GiB, load average ${result.machine.loadAverageAtStart} at start`,
    '',
    `Load: ${result.load.generateOrFindBuiltinMs === null ? '' : `builtin model generated or found in ${result.load.generateOrFindBuiltinMs} ms, `}loaded in ${result.load.loadMs} ms; first call ${result.load.firstCallMs} ms, second ${result.load.secondCallMs} ms.`,
    '',
    '| texts (words) | batch | texts/s | ms/batch p50 | ms/batch max | event-loop max delay ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...result.ingestion.map((row) => `| ${row.texts} (${row.words}) | ${row.batchSize} | ${row.textsPerSecond} | ${row.msPerBatchP50} | ${row.msPerBatchMax} | ${row.eventLoopMaxDelayMs} |`),
    '',
    `| single query (${result.queries.count}, sequential) | p50 ms | p99 ms |`,
    '|---|---:|---:|',
    `| cold: cache miss, through the queue (window ${result.queue.windowMs} ms) | ${result.queries.cold.p50Ms} | ${result.queries.cold.p99Ms} |`,
    `| warm: cache hit | ${result.queries.warm.p50Ms} | ${result.queries.warm.p99Ms} |`,
    `| model only (no queue, no cache) | ${result.queries.modelOnly.p50Ms} | ${result.queries.modelOnly.p99Ms} |`,
    '',
    `| burst of concurrent queries (median of ${result.burst[0]?.rounds ?? 0} rounds) | queries | model calls | total ms | p50 ms | p99 ms | event-loop max delay ms |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...result.burst.map(
      (row) => `| ${row.queue ? `with queue (max batch ${result.queue.maxBatch})` : 'without queue'} | ${row.queries} | ${row.modelCalls} | ${row.totalMs} | ${row.p50Ms} | ${row.p99Ms} | ${row.eventLoopMaxDelayMs} |`,
    ),
  ];
  if (result.encoderCost !== null) {
    const encoder = result.encoderCost;
    lines.push(
      '',
      `| MiniLM-sized encoder (${MINILM_SHAPE.layers} × ${MINILM_SHAPE.dimension}, random weights, fp32): texts (words) | batch | texts/s | ms/batch p50 | event-loop max delay ms, main thread | event-loop max delay ms, worker |`,
      '|---|---:|---:|---:|---:|---:|',
      ...encoder.rows.map(
        (row) => `| ${row.texts} (${row.words}) | ${row.batchSize} | ${row.mainThread.textsPerSecond} | ${row.mainThread.msPerBatchP50} | ${row.mainThread.eventLoopMaxDelayMs} | ${row.worker.eventLoopMaxDelayMs} |`,
      ),
      '',
      `| burst on the MiniLM-sized encoder in a worker (median of ${encoder.burst[0]?.rounds ?? 0} rounds) | queries | model calls | total ms | p50 ms | p99 ms | event-loop max delay ms |`,
      '|---|---:|---:|---:|---:|---:|---:|',
      ...encoder.burst.map(
        (row) => `| ${row.queue ? `with queue (max batch ${result.queue.maxBatch})` : 'without queue'} | ${row.queries} | ${row.modelCalls} | ${row.totalMs} | ${row.p50Ms} | ${row.p99Ms} | ${row.eventLoopMaxDelayMs} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function positive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function progress(message: string): void {
  process.stderr.write(`bench:embed: ${message}\n`);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`bench:embed: ${error instanceof Error ? error.message : String(error)}\n${usage ? 'Run with --help for the options.\n' : ''}`);
  process.exitCode = usage ? 2 : 1;
});
