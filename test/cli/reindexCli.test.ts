import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import { QdrantCatalogIndex } from '../../src/adapters/qdrant/qdrantCatalogIndex.js';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import { FILMS } from '../adapters/support/catalogFixture.js';
import { runCli, type CliRun } from '../support/runCli.js';
import { FakeQdrantServer } from '../support/qdrant/fakeQdrantServer.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { qdrantTestConfig } from '../support/qdrant/qdrantTestConfig.js';

/** Runs `npm run reindex -- ...args` as a user would; four dimensions, as the hand-made fixture vectors. */
function reindex(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli('reindex.ts', args, { EMBEDDING_BUILTIN_DIMENSION: '4', EMBEDDING_WORKER: 'false', ...env });
}

describe('npm run reindex', () => {
  it('prints its usage with --help and exits 0', async () => {
    const run = await reindex(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run reindex -- \[options\]/);
    expect(run.stdout).toContain('--from embedded');
    expect(run.stdout).toContain('Exit codes: 0 done, 1 a failure (the alias unchanged), 2 a usage error.');
  });

  it('exits 2 on a usage error and without QDRANT_URL, naming the problem', async () => {
    const bad = await reindex(['--from', 'elsewhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--from must be qdrant or embedded, got "elsewhere"/);
    const unset = await reindex([]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toBe('QDRANT_URL is not set: reindexing rebuilds the Qdrant collection of service mode.\n');
    const twoSources = await reindex(['--from-file', 'items.jsonl', '--from', 'embedded']);
    expect([twoSources.code, twoSources.stderr.split('\n')[0]]).toEqual([2, '--from-file and --from name two sources: give one']);
    const reembed = await reindex(['--from-file', 'items.jsonl', '--reembed']);
    expect([reembed.code, reembed.stderr.split('\n')[0]]).toEqual([2, '--reembed goes with --from: items from a file are always embedded']);
    const format = await reindex(['--from-file', 'items.txt']);
    expect([format.code, format.stderr.split('\n')[0]]).toEqual([2, 'cannot tell the format of items.txt: expected one of .jsonl, .ndjson, .csv']);
  });
});

const withSpec = describeWithQdrantSpec('the reindex command is not run against the fake Qdrant');

withSpec('npm run reindex against the fake Qdrant', () => {
  let fake: FakeQdrantServer;
  let dir: string;

  beforeAll(async () => {
    fake = await new FakeQdrantServer(OpenApiContract.load()).start();
    dir = await mkdtemp(path.join(os.tmpdir(), 'reindex-cli-'));
    const embedded = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'hand-made' });
    await embedded.upsert(FILMS);
    await embedded.close();
  });
  afterAll(async () => {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('moves an embedded catalog into Qdrant, then rebuilds it from Qdrant, reporting progress', async () => {
    const env = { QDRANT_URL: fake.url, QDRANT_COLLECTION: 'catalog', DATA_DIR: '/nonexistent' };
    const nothing = await reindex([], env);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^reindex failed: No collection behind the alias "catalog" at http:\/\/127\.0\.0\.1:\d+: nothing to read/);
    expect(fake.collectionNames()).toEqual([]);
    const first = await reindex(['--from', 'embedded', '--data-dir', dir], env);
    expect(first.stderr).toContain('items 6/6');
    expect(first.stdout).toMatch(/^alias "catalog" now points to catalog-\d+: 6 items, 0 collaborative vectors\n$/);
    expect(first.code).toBe(0);
    const second = await reindex(['--keep-previous'], { ...env, QDRANT_QUANTIZATION: 'scalar' });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^alias "catalog" now points to catalog-\d+: 6 items, 0 collaborative vectors; catalog-\d+ kept\n$/);
    const client = new QdrantClient({ url: fake.url, checkCompatibility: false });
    expect((await client.count('catalog')).count).toBe(6);
    expect((await client.getCollection('catalog')).config.quantization_config).toEqual({ scalar: { type: 'int8' } });
    expect(fake.collectionNames()).toHaveLength(2);
    expect(fake.violations).toEqual([]);
  });

  it('builds the collection from a file, keeping createdAt and collaborative vectors of the items still there', async () => {
    const env = { QDRANT_URL: fake.url, QDRANT_COLLECTION: 'from-file' };
    const line = (id: string, title: string, categories: string[]) => JSON.stringify({ id, title, text: `${title}.`, categories, tags: [], year: 1995 });
    const first = path.join(dir, 'first.jsonl');
    await writeFile(first, [line('toy-story', 'Toy Story', ['Animation']), line('heat', 'Heat', ['Action']), line('matrix', 'The Matrix', ['Action'])].join('\n') + '\n');
    const created = await reindex(['--from-file', first], env);
    expect(created.stderr).toContain('nothing to carry over: No collection behind the alias "from-file"');
    expect(created.stdout).toMatch(/^alias "from-file" now points to from-file-\d+: 3 items, 0 collaborative vectors\n$/);
    expect(created.code).toBe(0);

    const config = { ...qdrantTestConfig(fake.url), collection: 'from-file' };
    const live = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'any', readExisting: true });
    const [toyStoryBefore] = await live.getItems(['toy-story']);
    await live.replaceCollaborativeVectors([
      { id: 'toy-story', vector: Float32Array.from([1, 0]) },
      { id: 'matrix', vector: Float32Array.from([0, 1]) },
    ]);

    // heat leaves, toy-story is retitled, monsters comes; a bad record stops the run first.
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, [line('toy-story', 'Toy Story', ['Animation']), '{"id":"x"}'].join('\n') + '\n');
    const refused = await reindex(['--from-file', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`reindex failed: ${bad}:2: title must be a string, got nothing\n`);
    const collections = fake.collectionNames().length;
    const second = path.join(dir, 'second.jsonl');
    await writeFile(second, [line('toy-story', 'Toy Story (remastered)', ['Animation']), line('matrix', 'The Matrix', ['Action']), line('monsters', 'Monsters, Inc.', ['Animation'])].join('\n') + '\n');
    const rebuilt = await reindex(['--from-file', second], env);
    expect(rebuilt.stdout).toMatch(/^alias "from-file" now points to from-file-\d+: 3 items, 2 collaborative vectors; from-file-\d+ deleted\n$/);
    expect(rebuilt.code).toBe(0);
    expect(fake.collectionNames()).toHaveLength(collections);

    const reopened = await QdrantCatalogIndex.open(config, { dimension: 4, modelId: 'any', readExisting: true });
    const [toyStory, heat, monsters] = await reopened.getItems(['toy-story', 'heat', 'monsters']);
    expect(toyStory).toEqual({ ...toyStoryBefore, title: 'Toy Story (remastered)', text: 'Toy Story (remastered).' });
    expect(heat).toBeNull();
    expect(monsters!.createdAt).toBeGreaterThanOrEqual(toyStoryBefore!.createdAt);
    expect((await reopened.getCollaborativeVectors(['toy-story', 'monsters'])).map((v) => v && Array.from(v))).toEqual([[1, 0], null]);
    expect(fake.violations).toEqual([]);
  });

  it('refuses a source of another dimension unless told to re-embed', async () => {
    const run = await reindex([], { QDRANT_URL: fake.url, QDRANT_COLLECTION: 'catalog', EMBEDDING_BUILTIN_DIMENSION: '8' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The source holds 4-dimensional vectors, but \S*builtin-8-\w+ makes 8: pass --reembed to embed the items with it\.\n$/);
  });
});
