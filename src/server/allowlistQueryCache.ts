import { PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { OperationsAllowlist } from './readOperationsAllowlist.js';

/**
 * Apollo's persisted-query cache, answered from the allowlist: a client of a locked server
 * sends only the hash (APQ's `extensions.persistedQuery.sha256Hash`) and the server finds the
 * text. Nothing is ever added: only allowlisted documents would reach `set`, and they are here.
 * Its keys are bare hashes, so Apollo is told not to prefix them.
 */
export function allowlistQueryCache(allowlist: OperationsAllowlist): KeyValueCache<string> {
  const cache: KeyValueCache<string> = {
    async get(hash) {
      return allowlist.get(hash);
    },
    async set() {},
    async delete() {
      return false;
    },
  };
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(cache);
}
