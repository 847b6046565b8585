import { profileVector } from '../../features/profileVector.js';
import type { CatalogIndex } from '../../ports/catalogIndex.js';
import type { FeatureStore } from '../../ports/featureStore.js';
import { rankingFromOrder, type Ranking } from '../metrics/ranking.js';

/**
 * The collaborative source on its own, as the gateway runs it (recency-weighted profile of the
 * user's recent positives in item2vec space → nearest unseen items), without fusion or ranking:
 * what item2vec knows, measured beside the baselines.
 */
export async function item2vecAlone(stores: { readonly catalog: CatalogIndex; readonly features: FeatureStore }, users: readonly string[], first: number): Promise<Map<string, Ranking>> {
  const profiles = await stores.features.getUserProfiles(users);
  const rankings = new Map<string, Ranking>();
  for (const [index, user] of users.entries()) {
    const profile = profiles[index];
    const recent = profile?.recentPositives.map((entry) => entry.itemId) ?? [];
    const vector = profileVector(await stores.catalog.getCollaborativeVectors(recent));
    const hits = vector ? await stores.catalog.searchCollaborative(vector, { limit: first, excludeIds: profile?.seenItemIds ?? new Set() }) : [];
    rankings.set(user, rankingFromOrder(hits.map((hit) => hit.id)));
  }
  return rankings;
}
