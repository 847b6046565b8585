import type Database from 'better-sqlite3';
import type { ScoredId } from '../../domain/candidate.js';
import type { Filter } from '../../domain/filter.js';
import type { Item } from '../../domain/item.js';
import { compileFilter, type FilterablePayload } from '../../domain/matchesFilter.js';
import { storedItem } from '../../domain/storedItem.js';
import { badInput } from '../../domain/errors.js';
import { quote } from '../../domain/quote.js';
import type { CatalogEntry, CatalogIndex, CollaborativeEntry, Examples, RetrievalQuery, SearchOptions, StoredEntry, VectorSpace } from '../../ports/catalogIndex.js';
import { checkCatalogEntries } from '../checkCatalogEntries.js';
import { checkCollaborativeEntries } from '../checkCollaborativeEntries.js';
import { checkExamples } from '../checkExamples.js';
import { averageVector } from '../memory/averageVector.js';
import { DenseMatrix } from '../memory/denseMatrix.js';
import { ensureCatalogMeta, type CatalogMeta } from './catalogMeta.js';
import { createCatalogSchema } from './catalogSchema.js';
import { ftsQuery } from './ftsQuery.js';
import { IN_MEMORY, openDatabase, type OpenDatabaseOptions } from './openDatabase.js';
import { blobToVector, vectorToBlob } from './vectorBlob.js';

export interface SqliteCatalogOptions extends OpenDatabaseOptions {
  /** Dimension of the embedder's vectors; the database must hold the same. */
  readonly dimension: number;
  /** Id of the embedding model, recorded with the data. */
  readonly modelId: string;
}

export const CATALOG_FILE = 'catalog.db';

/**
 * BM25 weights of the FTS columns (title, text, categories, tags): a word in the title says
 * more about an item than the same word in its description, and a tag, chosen by people,
 * more than a word of prose.
 */
const BM25_WEIGHTS = [4, 1, 1.5, 2] as const;

interface LexicalRow {
  readonly id: string;
  readonly rank: number;
}

/**
 * The embedded catalog: payloads, vectors and an FTS5 index in `<dir>/catalog.db`, plus every
 * vector and filterable payload in memory (DenseMatrix) for exact cosine search. Collaborative
 * vectors (item2vec) sit in their own table and a second matrix, rows only for items that
 * have one. SQLite is the
 * durable copy and serves payloads and vectors by id; the matrix is rebuilt from it at open
 * and updated after each committed write.
 */
export class SqliteCatalogIndex implements CatalogIndex {
  readonly dimension: number;
  private readonly matrix: DenseMatrix;
  /** Collaborative vectors, only of items that have one; null while none are stored. */
  private collaborative: DenseMatrix | null = null;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writeUpserts: (rows: readonly [string, string, Buffer][]) => void;
  private readonly writeCollaborative: (rows: readonly [string, Buffer][]) => void;

  /** Opens or creates the catalog in `dir` (`:memory:` for a throwaway one). */
  static open(dir: string, options: SqliteCatalogOptions): SqliteCatalogIndex {
    if (!Number.isInteger(options.dimension) || options.dimension < 1) {
      throw new RangeError(`dimension must be a positive integer, got ${options.dimension}`);
    }
    return SqliteCatalogIndex.openWith(dir, options, options);
  }

  /**
   * Opens the catalog with the vectors it holds, whatever model made them: for commands that
   * embed nothing (training, feature recomputation), which so need no model. Refuses a
   * directory without a catalog.
   */
  static openStored(dir: string, options: OpenDatabaseOptions = {}): SqliteCatalogIndex {
    return SqliteCatalogIndex.openWith(dir, options, null);
  }

  private static openWith(dir: string, options: OpenDatabaseOptions, wanted: { readonly dimension: number; readonly modelId: string } | null): SqliteCatalogIndex {
    const db = openDatabase(dir, CATALOG_FILE, options);
    try {
      createCatalogSchema(db);
      const meta = ensureCatalogMeta(db, dir === IN_MEMORY ? 'the in-memory catalog' : dir, wanted);
      return new SqliteCatalogIndex(db, meta);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    /** How the stored vectors were made; `modelId` may differ from the configured model's. */
    readonly meta: CatalogMeta,
  ) {
    this.dimension = meta.dimension;
    const count = (db.prepare('SELECT count(*) FROM items').pluck().get() as number) ?? 0;
    this.matrix = new DenseMatrix(meta.dimension, Math.max(1024, count));
    for (const row of db.prepare('SELECT payload, vector FROM items ORDER BY doc').raw().iterate() as Iterable<[string, Buffer]>) {
      const item = JSON.parse(row[0]) as Item;
      this.matrix.set(filterable(item), blobToVector(row[1]));
    }
    for (const row of db.prepare('SELECT id, vector FROM item_vectors ORDER BY id').raw().iterate() as Iterable<[string, Buffer]>) {
      const payload = this.matrix.payloadOf(row[0]);
      if (payload === undefined) continue;
      const vector = blobToVector(row[1]);
      this.collaborative ??= new DenseMatrix(vector.length);
      this.collaborative.set(payload, vector);
    }
    this.statements = prepareStatements(db);
    const upsert = this.statements.upsert;
    this.writeUpserts = db.transaction((rows: readonly [string, string, Buffer][]) => {
      for (const row of rows) upsert.run(row);
    });
    const { clearCollaborative, insertCollaborative } = this.statements;
    this.writeCollaborative = db.transaction((rows: readonly [string, Buffer][]) => {
      clearCollaborative.run();
      for (const row of rows) insertCollaborative.run(row);
    });
  }

  async upsert(entries: readonly CatalogEntry[]): Promise<void> {
    // Everything is checked before anything is written, so a bad entry changes nothing.
    checkCatalogEntries(entries, this.dimension);
    if (entries.length === 0) return;
    const rows = entries.map(({ item, vector }): [string, string, Buffer] => [item.id, JSON.stringify(storedItem(item)), vectorToBlob(vector)]);
    this.writeUpserts(rows);
    for (const { item, vector } of entries) {
      const payload = filterable(storedItem(item));
      this.matrix.set(payload, vector);
      // Filters on collaborative search read the same payload as everywhere else.
      const collaborativeVector = this.collaborative?.vectorOf(item.id);
      if (collaborativeVector) this.collaborative!.set(payload, collaborativeVector);
    }
  }

  async delete(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const existed = new Set(this.statements.delete.all(JSON.stringify(ids)) as string[]);
    for (const id of existed) {
      this.matrix.remove(id);
      this.collaborative?.remove(id);
    }
    return [...new Set(ids)].filter((id) => existed.has(id));
  }

  async getItems(ids: readonly string[]): Promise<(Item | null)[]> {
    if (ids.length === 0) return [];
    const payloads = this.statements.items.all(JSON.stringify(ids)) as (string | null)[];
    return payloads.map((payload) => (payload === null ? null : (JSON.parse(payload) as Item)));
  }

  /** From the in-memory matrix, which holds every stored vector: no SQL for what is already loaded. */
  async getVectors(ids: readonly string[]): Promise<(Float32Array | null)[]> {
    return ids.map((id) => this.matrix.vectorOf(id));
  }

  async searchDense(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]> {
    return this.matrix.search(vector, options);
  }

  /**
   * Reads matches in BM25 order and keeps those that pass the filter and are not excluded,
   * stopping at `limit`: a narrow filter still yields `limit` results when that many match,
   * and SQLite stops producing rows as soon as enough are kept.
   */
  async searchLexical(query: string, options: SearchOptions): Promise<ScoredId[]> {
    const match = ftsQuery(query);
    const limit = Math.floor(options.limit);
    if (match === null || !(limit > 0)) return [];
    const holds = options.filter ? compileFilter(options.filter) : null;
    const exclude = options.excludeIds && options.excludeIds.size > 0 ? options.excludeIds : null;
    const hits: ScoredId[] = [];
    for (const row of this.statements.lexical.iterate(match) as Iterable<LexicalRow>) {
      if (exclude !== null && exclude.has(row.id)) continue;
      if (holds !== null) {
        const payload = this.matrix.payloadOf(row.id);
        if (payload === undefined || !holds(payload)) continue;
      }
      hits.push({ id: row.id, score: -row.rank });
      if (hits.length === limit) break;
    }
    return hits;
  }

  async replaceCollaborativeVectors(entries: readonly CollaborativeEntry[]): Promise<number> {
    const dimension = checkCollaborativeEntries(entries);
    const known = entries.filter(({ id }) => this.matrix.has(id));
    this.writeCollaborative(known.map(({ id, vector }): [string, Buffer] => [id, vectorToBlob(vector)]));
    if (known.length === 0) {
      this.collaborative = null;
      return 0;
    }
    const matrix = new DenseMatrix(dimension, known.length);
    for (const { id, vector } of known) matrix.set(this.matrix.payloadOf(id)!, vector);
    this.collaborative = matrix;
    return known.length;
  }

  async collaborativeDimension(): Promise<number | null> {
    return this.collaborative?.dimension ?? null;
  }

  async getCollaborativeVectors(ids: readonly string[]): Promise<(Float32Array | null)[]> {
    const matrix = this.collaborative;
    return ids.map((id) => matrix?.vectorOf(id) ?? null);
  }

  async searchCollaborative(vector: Float32Array, options: SearchOptions): Promise<ScoredId[]> {
    return this.collaborative ? this.collaborative.search(vector, options) : [];
  }

  /** The average_vector query computed here from the stored vectors, then an exact cosine search. */
  async recommend(examples: Examples, space: VectorSpace, options: SearchOptions): Promise<ScoredId[]> {
    const exampleIds = checkExamples(examples);
    const matrix = space === 'text' ? this.matrix : this.collaborative;
    const vectorsOf = (ids: readonly string[]): Float32Array[] =>
      ids.map((id) => {
        const vector = matrix?.vectorOf(id);
        if (!vector) throw badInput(`recommend example ${quote(id)} has no ${space} vector in the catalog`);
        return vector;
      });
    const query = averageVector(vectorsOf(examples.positive), vectorsOf(examples.negative ?? []));
    return matrix!.search(query, { ...options, excludeIds: new Set([...(options.excludeIds ?? []), ...exampleIds]) });
  }

  /** In process there is no round trip to save: each query runs as it would alone. */
  async searchBatch(queries: readonly RetrievalQuery[]): Promise<ScoredId[][]> {
    return Promise.all(
      queries.map((query) => {
        switch (query.kind) {
          case 'lexical':
            return this.searchLexical(query.text, query.options);
          case 'dense':
            return this.searchDense(query.vector, query.options);
          case 'collaborative':
            return this.searchCollaborative(query.vector, query.options);
          case 'recommend':
            return this.recommend(query.examples, query.space, query.options);
        }
      }),
    );
  }

  async filterIds(ids: readonly string[], filter: Filter): Promise<string[]> {
    return this.matrix.filterIds(ids, filter);
  }

  async count(): Promise<number> {
    return this.matrix.size;
  }

  /** Pages by the integer key, so that each batch is one indexed range read. */
  async *scan(batchSize: number): AsyncIterable<StoredEntry[]> {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    let after = 0;
    for (;;) {
      const rows = this.statements.scan.all(after, batchSize) as { doc: number; payload: string; vector: Buffer }[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.doc;
      yield rows.map((row) => {
        const item = JSON.parse(row.payload) as Item;
        return { item, vector: blobToVector(row.vector), collaborative: this.collaborative?.vectorOf(item.id) ?? null };
      });
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  const [title, text, categories, tags] = BM25_WEIGHTS;
  return {
    upsert: db.prepare(
      `INSERT INTO items (id, payload, vector) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, vector = excluded.vector`,
    ),
    clearCollaborative: db.prepare('DELETE FROM item_vectors'),
    insertCollaborative: db.prepare('INSERT INTO item_vectors (id, vector) VALUES (?, ?)'),
    delete: db.prepare('DELETE FROM items WHERE id IN (SELECT value FROM json_each(?)) RETURNING id').pluck(),
    scan: db.prepare('SELECT doc, payload, vector FROM items WHERE doc > ? ORDER BY doc LIMIT ?'),
    items: db.prepare('SELECT i.payload FROM json_each(?) AS j LEFT JOIN items AS i ON i.id = j.value ORDER BY j.key').pluck(),
    // bm25() is lower for better matches; the rowid breaks ties so that pages are stable.
    lexical: db.prepare(
      `SELECT i.id AS id, bm25(items_fts, ${title}, ${text}, ${categories}, ${tags}) AS rank
       FROM items_fts JOIN items AS i ON i.doc = items_fts.rowid
       WHERE items_fts MATCH ?
       ORDER BY rank, items_fts.rowid`,
    ),
  };
}

function filterable(item: Item): FilterablePayload {
  return { id: item.id, categories: item.categories, tags: item.tags, year: item.year };
}
