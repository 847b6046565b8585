import { afterAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IncompatibleDataError } from '../../src/adapters/sqlite/incompatibleDataError.js';
import { SqliteCatalogIndex } from '../../src/adapters/sqlite/sqliteCatalogIndex.js';
import { describeCatalogIndex } from './catalogIndexBehaviour.js';
import { entry, FILMS, item } from './support/catalogFixture.js';
import { tempDirs } from './support/tempDirs.js';

const dirs = tempDirs('catalog');
afterAll(() => dirs.removeAll());

describeCatalogIndex('SqliteCatalogIndex', (dimension) => SqliteCatalogIndex.open(dirs.make(), { dimension, modelId: 'test-model' }));
describeCatalogIndex('SqliteCatalogIndex in memory', (dimension) => SqliteCatalogIndex.open(':memory:', { dimension, modelId: 'test-model' }));

describe('SqliteCatalogIndex storage', () => {
  it('keeps everything across close and reopen', async () => {
    const dir = dirs.make();
    const first = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'test-model' });
    await first.upsert(FILMS);
    await first.delete(['heat']);
    await first.close();

    const again = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'test-model' });
    try {
      expect(await again.count()).toBe(5);
      expect(await again.getItems(['toy-story', 'heat'])).toEqual([FILMS[0]!.item, null]);
      expect(Array.from((await again.getVectors(['toy-story-2']))[0]!)).toEqual([Math.fround(0.8), Math.fround(0.6), 0, 0]);
      const dense = await again.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 2 });
      expect(dense.map((hit) => hit.id)).toEqual(['toy-story', 'toy-story-2']);
      expect((await again.searchLexical('vampire', { limit: 3 })).map((hit) => hit.id)).toEqual(['nosferatu']);
      expect(await again.filterIds(['matrix', 'monsters'], { must: [{ key: 'tag', match: { value: 'pixar' } }] })).toEqual(['monsters']);
      expect(again.meta).toEqual({ schemaVersion: 1, dimension: 4, modelId: 'test-model' });
    } finally {
      await again.close();
    }
  });

  it('writes catalog.db in WAL mode', async () => {
    const dir = dirs.make();
    const index = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'test-model' });
    await index.close();
    const db = new Database(path.join(dir, 'catalog.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to open data of another dimension, saying which and what to do', async () => {
    const dir = dirs.make();
    const index = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'Xenova/all-MiniLM-L6-v2' });
    await index.upsert(FILMS.slice(0, 1));
    await index.close();
    const reopen = () => SqliteCatalogIndex.open(dir, { dimension: 8, modelId: 'builtin' });
    expect(reopen).toThrow(IncompatibleDataError);
    expect(reopen).toThrow(
      `The catalog in ${dir} holds 4-dimensional vectors (made by the embedding model "Xenova/all-MiniLM-L6-v2"), ` +
        `but the configured model "builtin" gives 8-dimensional vectors. Either configure the model the data was made with ` +
        `(EMBEDDING_MODEL=Xenova/all-MiniLM-L6-v2), or delete ${dir} (or set DATA_DIR to an empty directory) and ingest the catalog again.`,
    );
  });

  it('reports the stored model when the configured one differs but has the same dimension', async () => {
    const dir = dirs.make();
    await SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'model-a' }).close();
    const index = SqliteCatalogIndex.open(dir, { dimension: 4, modelId: 'model-b' });
    expect(index.meta.modelId).toBe('model-a');
    await index.close();
  });

  it('names the item and both dimensions when a vector does not fit', async () => {
    const index = SqliteCatalogIndex.open(':memory:', { dimension: 4, modelId: 'test-model' });
    await expect(index.upsert([entry(item('short'), [1, 2])])).rejects.toThrow(
      'item "short": vector has 2 dimensions, but this catalog holds 4-dimensional vectors',
    );
    await expect(index.searchDense(Float32Array.from([1, 0]), { limit: 1 })).rejects.toThrow(
      'query vector has 2 dimensions, the index holds 4',
    );
    await index.close();
  });

  it('reads and deletes any number of ids in one statement each, and searches with one', async () => {
    const statements: string[] = [];
    const index = SqliteCatalogIndex.open(':memory:', { dimension: 4, modelId: 'test-model', trace: (sql) => statements.push(sql) });
    const many = Array.from({ length: 300 }, (_, i) => entry(item(`m${i}`, { title: `film ${i}` }), [1, 0, 0, i]));
    await index.upsert(many);
    const executed = async (work: () => Promise<unknown>) => {
      statements.length = 0;
      await work();
      return statements.map((sql) => sql.split(/\s+/).slice(0, 2).join(' '));
    };

    const ids = many.map((e) => e.item.id).concat(['unknown']);
    expect(await executed(() => index.getItems(ids))).toEqual(['SELECT i.payload']);
    // Vectors come from the in-memory matrix that search uses: no statement at all.
    expect(await executed(() => index.getVectors(ids))).toEqual([]);
    expect(await executed(() => index.searchLexical('film', { limit: 250, filter: { must: [{ key: 'id', isEmpty: false }] } }))).toEqual([
      'SELECT i.id',
    ]);
    expect(await executed(() => index.searchDense(Float32Array.from([1, 0, 0, 0]), { limit: 10 }))).toEqual([]);
    expect(await executed(() => index.filterIds(ids, {}))).toEqual([]);
    expect(await executed(() => index.delete(ids.slice(0, 200)))).toEqual(['DELETE FROM']);
    expect(await executed(() => index.upsert(many.slice(0, 2)))).toEqual(['BEGIN', 'INSERT INTO', 'INSERT INTO', 'COMMIT']);
    expect(await index.count()).toBe(102);
    // Deleting moved rows of the matrix into the holes; each id still has its own vector.
    expect(await index.getVectors(['m250', 'm0', 'm199'])).toEqual([Float32Array.from([1, 0, 0, 250]), Float32Array.from([1, 0, 0, 0]), null]);
    await index.close();
  });
});
