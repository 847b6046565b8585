import { QdrantClient } from '@qdrant/js-client-rest';
import type { QdrantConfig } from '../../config/config.js';
import type { CallPolicy } from './callQdrant.js';

export interface QdrantConnection {
  readonly client: QdrantClient;
  readonly policy: CallPolicy;
}

/** The REST client with the configured key and timeout, and the retry policy of every call. */
export function connectQdrant(config: QdrantConfig, log: (line: string) => void = (line) => console.error(line)): QdrantConnection {
  const client = new QdrantClient({
    url: config.url,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    timeout: config.timeoutMs,
    // ensureCollection refuses an old server with a message instead of the client's console warning.
    checkCompatibility: false,
  });
  return { client, policy: { retries: config.retries, baseDelayMs: config.retryBaseDelayMs, readBudgetMs: config.readBudgetMs, log } };
}
