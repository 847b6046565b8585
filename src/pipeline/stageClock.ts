import { performance } from 'node:perf_hooks';

/**
 * Times the stages of one request. Lives in the orchestration layer so that stage code
 * stays free of clocks; a stage run twice (two retrieval rounds) adds up.
 */
export class StageClock {
  private readonly totals: Record<string, number> = {};

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.totals[stage] = (this.totals[stage] ?? 0) + performance.now() - start;
    }
  }

  timeSync<T>(stage: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.totals[stage] = (this.totals[stage] ?? 0) + performance.now() - start;
    }
  }

  snapshot(): Readonly<Record<string, number>> {
    return { ...this.totals };
  }
}
