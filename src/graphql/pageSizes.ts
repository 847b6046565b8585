import { LIMITS } from './input/limits.js';

/**
 * `first` of every field that takes one, by field name (the names are unique in the schema):
 * its cap and the SDL's default. The resolvers apply the caps; validation reads them to refuse
 * a literal out of range and to cost a page before it runs.
 */
export const PAGE_SIZES: Readonly<Record<string, { readonly cap: number; readonly byDefault: number }>> = {
  search: { cap: LIMITS.pageSize, byDefault: 10 },
  recommendations: { cap: LIMITS.pageSize, byDefault: 10 },
  similarItems: { cap: LIMITS.pageSize, byDefault: 10 },
  recentItems: { cap: LIMITS.userListSize, byDefault: 10 },
  topCategories: { cap: LIMITS.userListSize, byDefault: 5 },
};
