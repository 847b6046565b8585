import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadRankerModels } from '../../src/adapters/fs/loadRankerModels.js';
import { FEATURE_NAMES } from '../../src/features/featureNames.js';
import { FIXTURE_MOVIELENS } from '../support/fixtureGateway.js';
import { runCli, type CliRun } from '../support/runCli.js';

/** Runs `npm run train:ranker -- ...args` as a user would. */
function trainRanker(args: readonly string[]): Promise<CliRun> {
  return runCli('trainRanker.ts', args, { EMBEDDING_WORKER: 'false' });
}

describe('npm run train:ranker', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'train-ranker-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--help explains the recipe and exits 0; a bad option prints the usage and exits 2', async () => {
    const help = await trainRanker(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run train:ranker -- [options]');
    expect(help.stdout).toContain("eval:recs's test period and is never read");
    expect(help.stdout).toContain('--allow-worse            write the model even when it validates worse than the reference');
    const groups = await trainRanker(['--min-validation-groups', '0']);
    expect([groups.code, groups.stderr.split('\n')[0]]).toEqual([2, '--min-validation-groups must be a positive integer, got "0"']);
    const bad = await trainRanker(['--class-weighting', 'heavy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--class-weighting must be balanced or none, got "heavy"');
    expect(bad.stderr).toContain('Usage: npm run train:ranker');
    expect(help.stdout).toContain('--source impressions: examples from the stores configured as for npm start');
    const source = await trainRanker(['--source', 'clicks']);
    expect([source.code, source.stderr.split('\n')[0]]).toEqual([2, '--source must be movielens or impressions, got "clicks"']);
    const window = await trainRanker(['--source', 'impressions', '--attribution-hours=-1']);
    expect([window.code, window.stderr.split('\n')[0]]).toEqual([2, '--attribution-hours must be a number of hours, 0 or more, got "-1"']);
  }, 60_000);

  it('trains on the fixture, prints the comparison and writes a model file the gateway loads', async () => {
    const out = path.join(dir, 'ranker.json');
    const run = await trainRanker(['--data', FIXTURE_MOVIELENS, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/converged after \d+ iterations, gradient max-norm /);
    expect(run.stdout).toContain('| learned | 0.7291 | ');
    expect(run.stdout).toContain('| reference (hand-set-recommend-3) | 0.7082 | ');
    expect(run.stdout).toContain('| retrieval order (RRF) | ');
    expect(run.stderr).toContain(`wrote ${out} (learned-recommend-`);
    const models = loadRankerModels(out);
    expect(models.recommend.featureNames).toEqual([...FEATURE_NAMES]);
    expect(models.recommend.training!.metrics.validationNdcgAt10).toBeCloseTo(0.1908, 3);
    expect(models.recommend.training!.examples.trainingGroups).toBe(99);
    expect(models.recommend.training!.dataSource).toContain('MovieLens movielens-small');
    expect(models.search.version).toBe('hand-set-search-1');
    // Written atomically: no temporary file is left beside it.
    expect(await readdir(dir)).toEqual(['ranker.json']);
  }, 300_000);
});
