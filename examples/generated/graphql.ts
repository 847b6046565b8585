/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Something a person did with an item. */
export type EventInput = {
  /**
   * Idempotency key (1 to 128 characters, no control characters): an event recorded twice with
   * the same id counts once. When omitted it is
   * derived from the other fields, so a retried batch still counts once, provided the event has
   * a `timestamp` (an event without one is stamped on arrival, so a retry gets another id).
   */
  id?: string | number | null | undefined;
  /** The item it was done to: 1 to 128 characters, no control characters. */
  itemId: string | number;
  /** The `requestId` of the result list the event came from, when it came from one. */
  requestId?: string | number | null | undefined;
  /** When it happened; now when omitted. At most 5 minutes in the future. */
  timestamp?: string | null | undefined;
  /** What the person did. */
  type: EventType;
  /** Who did it: 1 to 128 characters, no control characters. */
  userId: string | number;
  /** The rating, for RATING events only: 0.5 to 5. */
  value?: number | null | undefined;
};

/** What became of one event. */
export type EventStatus =
  /** Recorded now. */
  | 'ACCEPTED'
  /** Already recorded earlier with the same id and the same type, userId, itemId and value; not counted again. */
  | 'DUPLICATE'
  /**
   * Valid, but not recorded for sure: the catalog could not be read to check the items (nothing
   * of the batch was recorded), or the feature store could not be written. `reason` says which:
   * refused before the write was sent (nothing of the batch was recorded), or sent and not
   * answered (the batch, atomic, was recorded whole or not at all: unknown). Either way, send the batch again with
   * the returned `eventId`s as ids: what was recorded comes back DUPLICATE and counts once.
   */
  | 'FAILED'
  /** Not recorded; `reason` says why (an invalid event, an unknown item, or an id already recorded with other content). */
  | 'REJECTED';

/** What a person did with an item. */
export type EventType =
  /** Put the item in a cart. */
  | 'ADD_TO_CART'
  /** Clicked the item in a result list. */
  | 'CLICK'
  /** Was shown the item in a result list. */
  | 'IMPRESSION'
  /** Bought the item. */
  | 'PURCHASE'
  /** Rated the item (with `value`). */
  | 'RATING'
  /** Opened the item's page. */
  | 'VIEW';

/**
 * One condition: a field with exactly one of `match`, `range` or `isEmpty`, or a nested
 * filter alone. For list fields (CATEGORY, TAG) a match holds when any element matches.
 */
export type FilterCondition = {
  /** The field the condition tests; omit it only with `nested`. */
  field?: FilterField | null | undefined;
  /** true: the field has no value (null or empty list); false: it has one. */
  isEmpty?: boolean | null | undefined;
  /** The field equals a value, is one of several values, or is none of them. */
  match?: MatchInput | null | undefined;
  /** A whole filter as one condition, for grouping. */
  nested?: ItemFilter | null | undefined;
  /** The field lies in a numeric range (YEAR only). */
  range?: RangeInput | null | undefined;
};

/** A field that filters can test. */
export type FilterField =
  /** The item's categories (genres). */
  | 'CATEGORY'
  /** The item's id. */
  | 'ID'
  /** The item's tags. */
  | 'TAG'
  /** The item's year (an integer; give match values as digits). */
  | 'YEAR';

/**
 * A filter with Qdrant's semantics: every `must` condition holds, at least one `should`
 * condition holds (when any are given), and no `mustNot` condition holds. At most 64
 * conditions in all; a filter may hold nested filters 3 levels down (4 levels in all).
 */
export type ItemFilter = {
  /** Conditions that must all hold. */
  must?: Array<FilterCondition> | null | undefined;
  /** Conditions none of which may hold. */
  mustNot?: Array<FilterCondition> | null | undefined;
  /** Conditions of which at least one must hold. */
  should?: Array<FilterCondition> | null | undefined;
};

/** Exactly one of `value`, `any` or `except`. */
export type MatchInput = {
  /** The field equals one of these values (at most 100). */
  any?: Array<string> | null | undefined;
  /**
   * The field has a value that is none of these (at most 100). For list fields this holds when
   * any element is outside the list (Qdrant's semantics); to exclude items that have a value at
   * all, use `mustNot` with `any`.
   */
  except?: Array<string> | null | undefined;
  /** The field equals this value. */
  value?: string | null | undefined;
};

/** A numeric range; give at least one bound. */
export type RangeInput = {
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
};

/** Where a candidate came from. */
export type RetrievalSource =
  /**
   * Nearest neighbours in the collaborative (item2vec) space, learnt from which items the same
   * people liked: of the user's recency-weighted recent positives for recommendations, of the
   * item itself for similar items. Items added since the last training have no collaborative
   * vector and are found by the other sources.
   */
  | 'COLLABORATIVE'
  /** Nearest neighbours of the query's embedding. */
  | 'DENSE'
  /** Nearest neighbours of the seed items, or of the user's most recent positive items. */
  | 'ITEM_SIMILARITY'
  /** BM25 over title, text, categories and tags. */
  | 'LEXICAL'
  /** An item that a business rule pins to a position, added when retrieval did not find it and the request's filter and exclusions (seen items, the seed) let it in; not added when the user's seen items are unknown. */
  | 'PINNED'
  /** The most popular items, for users with little or no history. */
  | 'POPULARITY'
  /** Nearest neighbours of the user's profile vector (their recent positive items). */
  | 'PROFILE';

export type SearchWithFiltersQueryVariables = Exact<{
  query: string;
  filter?: ItemFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchWithFiltersQuery = { search: { requestId: string, totalCount: number, edges: Array<{ rank: number, score: number, node: { id: string, title: string, year: number | null, categories: Array<string> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type RecommendationsForUserQueryVariables = Exact<{
  userId: string | number;
  first?: number | null | undefined;
  diversity?: number | null | undefined;
}>;


export type RecommendationsForUserQuery = { recommendations: { requestId: string, modelVersion: string, edges: Array<{ rank: number, score: number, node: { id: string, title: string }, explanation: { rankerScore: number, retrieval: Array<{ source: RetrievalSource, score: number }> } }> } | null };

export type SimilarItemsQueryVariables = Exact<{
  itemId: string | number;
  first?: number | null | undefined;
}>;


export type SimilarItemsQuery = { similarItems: { requestId: string, edges: Array<{ rank: number, node: { id: string, title: string, categories: Array<string> } }> } | null };

export type RecordEventsMutationVariables = Exact<{
  events: Array<EventInput> | EventInput;
}>;


export type RecordEventsMutation = { recordEvents: { acceptedCount: number, results: Array<{ index: number, eventId: string | null, status: EventStatus, reason: string | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchWithFiltersDocument = new TypedDocumentString(`
    query SearchWithFilters($query: String!, $filter: ItemFilter, $first: Int) {
  search(query: $query, filter: $filter, first: $first) {
    requestId
    totalCount
    edges {
      rank
      score
      node {
        id
        title
        year
        categories
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:ab76181add87b103af9d2f478d55f7ecf3541abd3c2be0eabd28b927e17685f8"}) as unknown as TypedDocumentString<SearchWithFiltersQuery, SearchWithFiltersQueryVariables>;
export const RecommendationsForUserDocument = new TypedDocumentString(`
    query RecommendationsForUser($userId: ID!, $first: Int, $diversity: Float) {
  recommendations(userId: $userId, first: $first, diversity: $diversity) {
    requestId
    modelVersion
    edges {
      rank
      score
      node {
        id
        title
      }
      explanation {
        retrieval {
          source
          score
        }
        rankerScore
      }
    }
  }
}
    `, {"hash":"sha256:5e21ee26cb0a9d7a700a8898d68864f40463ef1e2832522b944840255fe43cf8"}) as unknown as TypedDocumentString<RecommendationsForUserQuery, RecommendationsForUserQueryVariables>;
export const SimilarItemsDocument = new TypedDocumentString(`
    query SimilarItems($itemId: ID!, $first: Int) {
  similarItems(itemId: $itemId, first: $first) {
    requestId
    edges {
      rank
      node {
        id
        title
        categories
      }
    }
  }
}
    `, {"hash":"sha256:67f0a4673f4de3c8292d07fb8128425641383139c66ded1c71fc2052f1f14f3c"}) as unknown as TypedDocumentString<SimilarItemsQuery, SimilarItemsQueryVariables>;
export const RecordEventsDocument = new TypedDocumentString(`
    mutation RecordEvents($events: [EventInput!]!) {
  recordEvents(events: $events) {
    acceptedCount
    results {
      index
      eventId
      status
      reason
    }
  }
}
    `, {"hash":"sha256:cfa7b7eacbc19b4a49511787af752eea02ea6d8c093bb44dfeee0c720fde9c19"}) as unknown as TypedDocumentString<RecordEventsMutation, RecordEventsMutationVariables>;