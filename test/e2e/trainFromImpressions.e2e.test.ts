import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FEATURE_NAMES } from '../../src/features/featureNames.js';
import { REPO_ROOT, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';
import { sigmoid } from '../../src/ranking/scoreCandidate.js';
import { seededRandom } from '../adapters/support/seededRandom.js';
import { runCli, type CliRun } from '../support/runCli.js';

const USERS = Array.from({ length: 100 }, (_, i) => String(i + 1));
const RECOMMEND = `query ($userId: ID!) { recommendations(userId: $userId, first: 30) { requestId modelVersion } }`;
/**
 * The known rule: a shown item is clicked with probability sigmoid(RULE_BIAS + RULE_WEIGHT × z),
 * z its log_popularity standardised over everything shown: less popular items more often.
 */
const RULE_FEATURE = 'log_popularity';
const RULE_WEIGHT = -1.5;
const RULE_BIAS = -1.5;

/**
 * train:ranker --source impressions end to end: the fixture gateway logs every list it serves;
 * each user clicks, with the list's requestId, shown items drawn by a known logistic rule on
 * one feature (less popular items more often, against the hand-set model's liking for
 * popularity); training from the logged lists must recover that weight, and the file it writes
 * must load in the running gateway.
 */
describe('train:ranker --source impressions', () => {
  let gateway: FixtureGateway;
  let dir: string;
  let modelFile: string;
  let run: CliRun;
  let refused: CliRun;
  let servedChanged: boolean;
  let clicks = 0;
  let listsClicked = 0;
  const random = seededRandom(7);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'train-impressions-'));
    modelFile = path.join(dir, 'ranker.json');
    copyFileSync(path.join(REPO_ROOT, 'models/ranker-hand-set.json'), modelFile);
    gateway = await startFixtureGateway({ env: { IMPRESSION_SAMPLE_RATE: '1', RANKER_MODEL: modelFile, DEFAULT_DIVERSITY: '0' } });
    const lists = [];
    for (const userId of USERS) {
      const { recommendations } = await gateway.data(RECOMMEND, { userId });
      const [logged] = await gateway.app.stores.features.getImpressions([recommendations.requestId]);
      lists.push(logged!);
    }
    const values = lists.flatMap((list) => list.items.map((item) => item.features[RULE_FEATURE]!));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    for (const list of lists) {
      const clicked = list.items.filter((item) => random() < sigmoid(RULE_BIAS + (RULE_WEIGHT * (item.features[RULE_FEATURE]! - mean)) / std));
      if (clicked.length === 0) continue;
      const { recordEvents } = await gateway.data(`mutation ($events: [EventInput!]!) { recordEvents(events: $events) { acceptedCount } }`, {
        events: clicked.map((item) => ({ type: 'CLICK', userId: list.userId, itemId: item.itemId, requestId: list.requestId })),
      });
      clicks += recordEvents.acceptedCount;
      listsClicked += 1;
    }
    // --fit pooled: the clicks follow one logistic rule over all lists, which the pooled fit states exactly.
    const args = ['--source', 'impressions', '--fit', 'pooled', '--out', modelFile];
    // 99 lists with a positive validate on 19: below the default minimum of 20, so nothing is written.
    // The gateway serves modelFile: a refusal must leave it as it was.
    const served = readFileSync(modelFile, 'utf8');
    refused = await runCli('trainRanker.ts', args, { DATA_DIR: gateway.dataDir, SEED_MOVIELENS: 'none' });
    servedChanged = readFileSync(modelFile, 'utf8') !== served;
    run = await runCli('trainRanker.ts', [...args, '--min-validation-groups', '15'], { DATA_DIR: gateway.dataDir, SEED_MOVIELENS: 'none' });
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to write a model validated on fewer groups than --min-validation-groups', () => {
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `train:ranker did not write ${modelFile}: only 19 validation groups (at least 20 needed to compare models); log or wait for more, or lower --min-validation-groups`,
    );
    expect(servedChanged).toBe(false);
  });

  it('trains on the logged lists, split by time, and learns the rule that made the clicks', () => {
    expect([clicks, listsClicked]).toEqual([643, 99]);
    expect(run.stderr).toContain('100 logged lists: 100 recommendation lists usable, 1 of them with no positive; 0 of other surfaces or without a user, 0 with other features; 0 pinned items left out (placed by a rule, not the ranker)');
    expect(run.code).toBe(0);
    const recommend = JSON.parse(readFileSync(modelFile, 'utf8')).recommend;
    expect(recommend.training.dataSource).toMatch(/^impressions logged by the gateway \(SQLite feature store in .*\): 99 recommendation lists with a positive, features as the ranker read them/);
    expect(recommend.training.examples).toEqual({
      trainingGroups: 80,
      trainingExamples: 2400,
      trainingPositives: 546,
      validationGroups: 19,
      validationExamples: 570,
      validationPositives: 97,
    });
    expect(recommend.training.optimiser.converged).toBe(true);
    expect(Date.parse(recommend.training.trainingWindow.to)).toBeLessThanOrEqual(Date.parse(recommend.training.validationWindow.from));
    const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, recommend.weights[j]]));
    // The rule's direction is learned, and it is the strongest weight.
    expect(weights[RULE_FEATURE]).toBeLessThan(0);
    // The rule's weight (per standard deviation of the feature) is recovered, and it is the strongest.
    expect(Math.abs(weights[RULE_FEATURE] - RULE_WEIGHT)).toBeLessThan(0.25);
    const strongest = FEATURE_NAMES.reduce((a, b) => (Math.abs(weights[a]) >= Math.abs(weights[b]) ? a : b));
    expect(strongest).toBe(RULE_FEATURE);
    // Held out, the learned model tells clicked items apart; the hand-set one, which favours popularity, barely does.
    expect(recommend.training.metrics.validationAuc).toBeCloseTo(0.699, 3);
    expect(recommend.training.metrics.referenceAuc).toBeCloseTo(0.5435, 3);
  });

  it('writes a file the running gateway loads and serves', async () => {
    gateway.app.rankers.reload();
    const version = gateway.app.rankers.current().recommend.version;
    expect(version).toMatch(/^learned-recommend-\d{8}T\d{6}Z$/);
    const { recommendations } = await gateway.data(RECOMMEND, { userId: '1' });
    expect(recommendations.modelVersion).toBe(version);
  });
});
