import type Database from 'better-sqlite3';
import { CATALOG_SCHEMA_VERSION } from './catalogSchema.js';
import { IncompatibleDataError } from './incompatibleDataError.js';

/** What a catalog database says about how its vectors were made. */
export interface CatalogMeta {
  readonly schemaVersion: number;
  readonly dimension: number;
  /** The embedding model that produced the stored vectors. */
  readonly modelId: string;
}

/**
 * Reads the catalog's metadata, writing it on first use. Vectors of another dimension than the
 * embedder's can never be compared with its queries, so that refuses to open, saying how to
 * recover. A different model id of the same dimension is reported through the returned meta
 * and left to the caller: ids change spelling (hub id, local path) more often than models.
 * `wanted` null (a command that embeds nothing) takes the stored meta as it is, and refuses a
 * catalog that has none yet, since then there is nothing to work on.
 */
export function ensureCatalogMeta(
  db: Database.Database,
  location: string,
  wanted: { readonly dimension: number; readonly modelId: string } | null,
): CatalogMeta {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  if (!stored.has('dimension')) {
    if (wanted === null) throw new IncompatibleDataError(`There is no catalog in ${location} yet: fill it first (npm run demo, or npm run ingest).`);
    const write = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      write.run('schema_version', String(CATALOG_SCHEMA_VERSION));
      write.run('dimension', String(wanted.dimension));
      write.run('model_id', wanted.modelId);
    })();
    return { schemaVersion: CATALOG_SCHEMA_VERSION, dimension: wanted.dimension, modelId: wanted.modelId };
  }
  const meta: CatalogMeta = {
    schemaVersion: Number(stored.get('schema_version')),
    dimension: Number(stored.get('dimension')),
    modelId: stored.get('model_id') ?? 'unknown',
  };
  if (meta.schemaVersion !== CATALOG_SCHEMA_VERSION) {
    throw new IncompatibleDataError(
      `The catalog in ${location} has storage schema version ${meta.schemaVersion}; this gateway reads version ` +
        `${CATALOG_SCHEMA_VERSION}. Delete ${location} (or set DATA_DIR to an empty directory) and ingest the catalog again.`,
    );
  }
  if (wanted !== null && meta.dimension !== wanted.dimension) {
    throw new IncompatibleDataError(
      `The catalog in ${location} holds ${meta.dimension}-dimensional vectors (made by the embedding model ` +
        `"${meta.modelId}"), but the configured model "${wanted.modelId}" gives ${wanted.dimension}-dimensional vectors. ` +
        `Either configure the model the data was made with (EMBEDDING_MODEL=${meta.modelId}), or delete ${location} ` +
        `(or set DATA_DIR to an empty directory) and ingest the catalog again.`,
    );
  }
  return meta;
}
