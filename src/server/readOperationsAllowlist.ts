import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/loadConfig.js';

/** The operations a locked server runs: document text by the SHA-256 of that text. */
export type OperationsAllowlist = ReadonlyMap<string, string>;

const SHA256_PREFIX = 'sha256:';

/**
 * Reads a persisted-documents manifest (`{ "sha256:<hex>": "<document>" }`, what GraphQL Code
 * Generator's client preset writes with `persistedDocuments: { hashAlgorithm: 'sha256' }`; a
 * bare `<hex>` key works too). Every hash must be the SHA-256 of its document, the hash Apollo's
 * persisted queries use, so that a client's hash and the server's agree; a manifest that breaks
 * this is refused at start.
 */
export function readOperationsAllowlist(file: string): OperationsAllowlist {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`OPERATIONS_ALLOWLIST: cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`OPERATIONS_ALLOWLIST: ${file} must hold a JSON object of document texts by their SHA-256 hash`);
  }
  const allowlist = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed)) {
    const hash = key.startsWith(SHA256_PREFIX) ? key.slice(SHA256_PREFIX.length) : key;
    if (typeof document !== 'string') {
      throw new ConfigError(`OPERATIONS_ALLOWLIST: the entry "${key}" in ${file} must be a document string, got ${typeof document}`);
    }
    const actual = createHash('sha256').update(document).digest('hex');
    if (actual !== hash) {
      throw new ConfigError(`OPERATIONS_ALLOWLIST: the entry "${key}" in ${file} is not the SHA-256 of its document (that is ${actual})`);
    }
    allowlist.set(hash, document);
  }
  if (allowlist.size === 0) throw new ConfigError(`OPERATIONS_ALLOWLIST: ${file} lists no operations`);
  return allowlist;
}
