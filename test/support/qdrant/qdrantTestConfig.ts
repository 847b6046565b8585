import type { QdrantConfig } from '../../../src/config/config.js';
import { loadConfig } from '../../../src/config/loadConfig.js';

let opened = 0;

/**
 * Service-mode settings for a test: a collection alias unique to this process and call, so
 * that tests sharing one Qdrant (a real one under QDRANT_URL) never see each other's points.
 */
export function qdrantTestConfig(url: string, env: Record<string, string> = {}): QdrantConfig {
  opened += 1;
  return loadConfig(
    {
      QDRANT_URL: url,
      QDRANT_COLLECTION: `gateway-test-${process.pid}-${opened}`,
      QDRANT_TIMEOUT_MS: '2000',
      QDRANT_RETRY_DELAY_MS: '1',
      SEED_MOVIELENS: 'none',
      ...env,
    },
    '/tmp',
  ).qdrant!;
}
