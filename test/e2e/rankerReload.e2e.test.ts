import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchRankerModels } from '../../src/adapters/fs/watchRankerModels.js';
import { REPO_ROOT, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

const HAND_SET = path.join(REPO_ROOT, 'models/ranker-hand-set.json');
const LEARNED = path.join(REPO_ROOT, 'models/ranker.json');

/** Replaces a file the way train:ranker does: a temporary file renamed over it. */
function replaceAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Waits for a condition the file watcher makes true; fails with `what` after 10 s. */
async function eventually(what: string, condition: () => boolean): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('ranker model file: watched, reloaded, mismatches refused', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ranker-watch-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reloads an atomic replace, refuses a mismatch and a broken file, and keeps the previous models', async () => {
    const file = path.join(dir, 'ranker.json');
    copyFileSync(HAND_SET, file);
    const lines: string[] = [];
    const source = watchRankerModels(file, { log: { info: (line) => lines.push(`info: ${line}`), warn: (line) => lines.push(`warn: ${line}`) }, debounceMs: 10 });
    try {
      expect(source.current().recommend.version).toBe('hand-set-recommend-3');
      replaceAtomically(file, readFileSync(LEARNED, 'utf8'));
      await eventually('the learned model is served', () => source.current().recommend.training !== null);
      expect(source.current().recommend.version).toMatch(/^learned-recommend-/);
      expect(lines).toEqual([expect.stringMatching(/^info: ranker models reloaded from .*ranker\.json: search hand-set-search-1, recommend learned-recommend-\d{8}T\d{6}Z, similar hand-set-similar-1$/)]);

      const mismatched = JSON.parse(readFileSync(HAND_SET, 'utf8'));
      mismatched.recommend.featureNames = [...mismatched.recommend.featureNames.slice(0, -1), 'impression_ctr'];
      replaceAtomically(file, JSON.stringify(mismatched));
      await eventually('the mismatch is logged', () => lines.length === 2);
      expect(lines[1]).toContain('warn: ranker model file refused, still serving search hand-set-search-1, recommend learned-recommend-');
      expect(lines[1]).toContain('recommend.featureNames do not match this gateway\'s features: the model has [rrf, dense_similarity');
      expect(lines[1]).toContain('impression_ctr], the code computes [');
      expect(source.current().recommend.version).toMatch(/^learned-recommend-/);

      // A file written in place, half-way: refused the same way.
      writeFileSync(file, '{"formatVersion": 1, "search": {');
      await eventually('the broken file is logged', () => lines.length === 3);
      expect(lines[2]).toMatch(/^warn: ranker model file refused, still serving .*: cannot read the ranker model file .*ranker\.json: /);
      expect(source.current().recommend.version).toMatch(/^learned-recommend-/);
      expect(source.reload()).toBe(false);
    } finally {
      source.close();
    }
  });
});

describe('the served gateway across a model reload (fixture, real HTTP)', () => {
  let gateway: FixtureGateway;
  let dir: string;
  let modelFile: string;
  let rulesPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ranker-reload-'));
    modelFile = path.join(dir, 'ranker.json');
    copyFileSync(HAND_SET, modelFile);
    const rulesFile = path.join(dir, 'rules.json');
    writeFileSync(
      rulesFile,
      JSON.stringify({
        rules: [
          { kind: 'pin', name: 'jumanji-promo', itemId: '2', position: 1, surfaces: ['search'] },
          { kind: 'pin', name: 'filtered-out', itemId: '6', position: 2, surfaces: ['search'] },
          { kind: 'exclude', name: 'no-toy-story-3', filter: { must: [{ key: 'id', match: { value: '78499' } }] }, surfaces: ['search'] },
        ],
      }),
    );
    gateway = await startFixtureGateway({ env: { RANKER_MODEL: modelFile, RERANK_RULES: rulesFile } });
    rulesPath = rulesFile;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const RECS = `{ recommendations(userId: "1", first: 5) { modelVersion edges { node { id } explanation { modelVersion } } } }`;

  it('requests in flight while the file is replaced all succeed, each list with one model version throughout', async () => {
    const inFlight = Array.from({ length: 12 }, () => gateway.post({ query: RECS }));
    replaceAtomically(modelFile, readFileSync(LEARNED, 'utf8'));
    const responses = await Promise.all(inFlight);
    for (const { status, body } of responses) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const list = body.data.recommendations;
      expect(list.modelVersion).toMatch(/^(hand-set-recommend-3|learned-recommend-\d{8}T\d{6}Z)$/);
      expect(list.edges.map((e: any) => e.explanation.modelVersion)).toEqual(list.edges.map(() => list.modelVersion));
    }
    await eventually('the gateway serves the learned model', () => gateway.app.rankers.current().recommend.training !== null);
    const after = await gateway.data(RECS);
    expect(after.recommendations.modelVersion).toMatch(/^learned-recommend-/);
  });

  it('rankerModels shows the current models, their weights and the learned one\'s training record', async () => {
    const data = await gateway.data(`{ rankerModels { surface version bias features { name mean standardDeviation weight }
      training { trainedAt dataSource trainingWindow { from to } validationWindow { from to } metrics { name value } examples { name value }
        optimiser { method l2 classWeighting iterations gradientNorm converged } } } }`);
    const served = JSON.parse(readFileSync(LEARNED, 'utf8'));
    expect(data.rankerModels.map((m: any) => [m.surface, m.version])).toEqual([
      ['SEARCH', 'hand-set-search-1'],
      ['RECOMMENDATIONS', served.recommend.version],
      ['SIMILAR_ITEMS', 'hand-set-similar-1'],
    ]);
    const recommend = data.rankerModels[1];
    expect(recommend.bias).toBe(served.recommend.bias);
    expect(recommend.features[4]).toEqual({ name: 'log_popularity', mean: served.recommend.mean[4], standardDeviation: served.recommend.std[4], weight: served.recommend.weights[4] });
    expect(recommend.training.trainedAt).toBe(served.recommend.training.trainedAt);
    expect(recommend.training.metrics).toContainEqual({ name: 'validationNdcgAt10', value: served.recommend.training.metrics.validationNdcgAt10 });
    expect(recommend.training.optimiser.converged).toBe(true);
    expect(data.rankerModels[0].training).toBeNull();
  });

  it('business rules from RERANK_RULES show in the explanations of the items they moved', async () => {
    const data = await gateway.data(`{ search(query: "toy story", first: 4, filter: { mustNot: [{ field: CATEGORY, match: { value: "Crime" } }] }) { edges { rank node { id } explanation { retrieval { source } reranking { step rankBefore rankAfter detail } } } } }`);
    const edges = data.search.edges;
    expect(edges[0].node.id).toBe('2');
    // Retrieval did not find Jumanji for "toy story": the pin brought it in.
    expect(edges[0].explanation.retrieval).toEqual([{ source: 'PINNED' }]);
    // It joined the pool last; excluding Toy Story 3 moved it up one, then the pin put it first.
    expect(edges[0].explanation.reranking.map((step: any) => step.step)).toEqual(['exclude', 'pin']);
    expect(edges[0].explanation.reranking[0].detail).toBe('1 result(s) above removed by rule "no-toy-story-3"');
    expect(edges[0].explanation.reranking[1]).toEqual(expect.objectContaining({ rankAfter: 1, detail: 'pinned to position 1 by rule "jumanji-promo"' }));
    expect(edges.map((e: any) => e.node.id)).not.toContain('78499');
    // Heat (6) is pinned too, but it is a crime film and the request's filter keeps it out.
    expect(edges.map((e: any) => e.node.id)).not.toContain('6');
    expect(edges.slice(1, 3).map((e: any) => e.node.id).sort()).toEqual(['1', '3114']);
    expect(edges[1].explanation.reranking.at(-1)).toEqual(expect.objectContaining({ step: 'pin', detail: 'moved down: a pinned result took a place above' }));
  });

  it('reloads the rules file when it changes, and refuses a bad one keeping the rules in force', async () => {
    const SEARCH = `{ search(query: "toy story", first: 3) { edges { node { id } explanation { reranking { step detail } } } } }`;
    const before = await gateway.data(SEARCH);
    expect(before.search.edges[0].node.id).toBe('2');
    const lines: string[] = [];
    const log = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      replaceAtomically(rulesPath, JSON.stringify({ rules: [{ kind: 'pin', name: 'heat-promo', itemId: '6', position: 1, surfaces: ['search'] }] }));
      await eventually('the new rules are in force', () => gateway.app.rules.current().rules.length === 1);
      const after = await gateway.data(SEARCH);
      expect(after.search.edges[0].node.id).toBe('6');
      expect(after.search.edges[0].explanation.reranking.at(-1).detail).toBe('pinned to position 1 by rule "heat-promo"');
      expect(after.search.edges.map((e: any) => e.node.id)).not.toContain('2');

      // A rule with no filter: refused with the place of the error, and the rules in force stay.
      replaceAtomically(rulesPath, JSON.stringify({ rules: [{ kind: 'exclude', name: 'broken' }] }));
      await eventually('the refusal is logged', () => lines.some((line) => line.includes('re-ranking rules file refused')));
      const refusal = lines.find((line) => line.includes('re-ranking rules file refused'))!;
      expect(refusal).toMatch(/^re-ranking rules file refused, still serving 1 rule \(heat-promo\), category cap none by default, 0 per category: re-ranking rules file .*rules\.json \(RERANK_RULES\): /);
      expect(lines.filter((line) => line.startsWith('re-ranking rules reloaded'))).toHaveLength(1);
      expect((await gateway.data(SEARCH)).search.edges[0].node.id).toBe('6');
      expect(gateway.app.rules.reload()).toBe(false);
    } finally {
      log.mockRestore();
    }
  });
});
