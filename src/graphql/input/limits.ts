import { DEFAULT_FILTER_LIMITS } from '../../domain/validateFilter.js';

/**
 * The API's bounds, as the SDL's descriptions state them. They keep one request's work bounded
 * whatever the caller sends; change them here and in schema/schema.graphql together. Item
 * fields are bounded by validateItem (shared with ingestion), filter size by the domain's limits.
 */
export const LIMITS = {
  pageSize: 100,
  userListSize: 50,
  queryLength: 512,
  seedItems: 50,
  lookupIds: 100,
  upsertItems: 500,
  deleteIds: 500,
  events: 1000,
  filterConditions: DEFAULT_FILTER_LIMITS.maxConditions,
  filterDepth: DEFAULT_FILTER_LIMITS.maxDepth,
  matchValues: 100,
} as const;
