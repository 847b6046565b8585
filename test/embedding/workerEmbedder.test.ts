import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Runs one scenario of workerScenario.ts in a process of its own and returns what it printed. */
async function scenario(name: string): Promise<any> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(here, 'workerScenario.ts'), name], {
    cwd: root,
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the model in a worker thread', () => {
  it('gives the same vectors as the model in the main thread, and reports its model calls', async () => {
    expect(await scenario('vectors')).toEqual({
      same: true,
      identity: [true, 384, 256],
      calls: [['Heat transfer in a laminar boundary layer', 'Toy Story (1995)', '']],
    });
  });

  it('keeps the event loop free while a big batch runs', async () => {
    const { inMainThread, inWorker } = await scenario('event-loop');
    // In the main thread the batch (hundreds of ms here) is one synchronous stretch: no timer runs.
    expect(inMainThread.ticks).toBe(0);
    expect(inMainThread.elapsedMs).toBeGreaterThan(50);
    // With the worker, timers keep firing (a 1 ms timer manages a few hundred a second on a busy machine).
    expect(inWorker.ticks).toBeGreaterThan(Math.min(20, inWorker.elapsedMs / 10));
  });
});

describe('worker failures', () => {
  it('rejects at start with the same EmbedderLoadError as in the main thread', async () => {
    const { inMainThread, inWorker } = await scenario('load-failure');
    expect(inWorker).toEqual(inMainThread);
    expect(inWorker).toMatchObject({ name: 'EmbedderLoadError', model: '/no/such/model', searched: ['/no/such/model'] });
  });

  it('rejects only the call whose batch failed, and finishes accepted work on close', async () => {
    const result = await scenario('batch-failure');
    expect(result.statuses).toEqual(['rejected', 'fulfilled']);
    expect(result.reason).toMatch(/indices element out of data bounds/);
    expect(result.accepted).toBe(1);
    expect(result.afterClose).toMatch(/is closed/);
  });
});
