import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Blocking {
  /** Longest event-loop delay seen while the work ran, ms. */
  readonly maxDelayMs: number;
  readonly p99DelayMs: number;
  /** Wall time of the work, ms. */
  readonly elapsedMs: number;
}

/**
 * Runs `work` while sampling the event loop every millisecond: onnxruntime-node runs a model
 * synchronously on the calling thread, so a model call shows up as one long delay.
 */
export async function measureBlocking(work: () => Promise<unknown>): Promise<Blocking> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // The sampler records nothing until its first tick: a block before it would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  await work();
  const elapsedMs = performance.now() - started;
  // Let the sampler record the delay of the last synchronous stretch.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  return { maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, elapsedMs };
}
