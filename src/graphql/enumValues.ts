/**
 * GraphQL enum values → the domain's lowercase strings. One table for both uses: codegen.ts
 * types the resolvers with it, and the resolver map serves it at run time, so arguments arrive
 * already converted and domain values serialise without a lookup.
 */
export const ENUM_VALUES = {
  RetrievalSource: {
    DENSE: 'dense',
    LEXICAL: 'lexical',
    PROFILE: 'profile',
    ITEM_SIMILARITY: 'item_similarity',
    COLLABORATIVE: 'collaborative',
    POPULARITY: 'popularity',
    PINNED: 'pinned',
  },
  FilterField: { ID: 'id', CATEGORY: 'category', TAG: 'tag', YEAR: 'year' },
  EventType: {
    VIEW: 'view',
    CLICK: 'click',
    ADD_TO_CART: 'add_to_cart',
    PURCHASE: 'purchase',
    RATING: 'rating',
    IMPRESSION: 'impression',
  },
  RankingSurface: { SEARCH: 'search', RECOMMENDATIONS: 'recommend', SIMILAR_ITEMS: 'similar' },
  EventStatus: { ACCEPTED: 'accepted', DUPLICATE: 'duplicate', REJECTED: 'rejected', FAILED: 'failed' },
} as const;
