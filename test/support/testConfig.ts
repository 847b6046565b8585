import type { Config } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/loadConfig.js';

/** A configuration for a server on 127.0.0.1 and a free port, with the given API keys. */
export function testConfig(options: { apiKeys?: readonly string[]; introspection?: boolean } = {}): Config {
  return loadConfig(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      API_KEYS: (options.apiKeys ?? []).join(','),
      GRAPHQL_INTROSPECTION: String(options.introspection ?? true),
      SEED_MOVIELENS: 'none',
      LOG_LEVEL: 'silent',
    },
    '/tmp',
  );
}
