/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query SearchWithFilters($query: String!, $filter: ItemFilter, $first: Int) {\n  search(query: $query, filter: $filter, first: $first) {\n    requestId\n    totalCount\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n        year\n        categories\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SearchWithFiltersDocument,
    "query RecommendationsForUser($userId: ID!, $first: Int, $diversity: Float) {\n  recommendations(userId: $userId, first: $first, diversity: $diversity) {\n    requestId\n    modelVersion\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n      }\n      explanation {\n        retrieval {\n          source\n          score\n        }\n        rankerScore\n      }\n    }\n  }\n}": typeof types.RecommendationsForUserDocument,
    "query SimilarItems($itemId: ID!, $first: Int) {\n  similarItems(itemId: $itemId, first: $first) {\n    requestId\n    edges {\n      rank\n      node {\n        id\n        title\n        categories\n      }\n    }\n  }\n}": typeof types.SimilarItemsDocument,
    "mutation RecordEvents($events: [EventInput!]!) {\n  recordEvents(events: $events) {\n    acceptedCount\n    results {\n      index\n      eventId\n      status\n      reason\n    }\n  }\n}": typeof types.RecordEventsDocument,
};
const documents: Documents = {
    "query SearchWithFilters($query: String!, $filter: ItemFilter, $first: Int) {\n  search(query: $query, filter: $filter, first: $first) {\n    requestId\n    totalCount\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n        year\n        categories\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SearchWithFiltersDocument,
    "query RecommendationsForUser($userId: ID!, $first: Int, $diversity: Float) {\n  recommendations(userId: $userId, first: $first, diversity: $diversity) {\n    requestId\n    modelVersion\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n      }\n      explanation {\n        retrieval {\n          source\n          score\n        }\n        rankerScore\n      }\n    }\n  }\n}": types.RecommendationsForUserDocument,
    "query SimilarItems($itemId: ID!, $first: Int) {\n  similarItems(itemId: $itemId, first: $first) {\n    requestId\n    edges {\n      rank\n      node {\n        id\n        title\n        categories\n      }\n    }\n  }\n}": types.SimilarItemsDocument,
    "mutation RecordEvents($events: [EventInput!]!) {\n  recordEvents(events: $events) {\n    acceptedCount\n    results {\n      index\n      eventId\n      status\n      reason\n    }\n  }\n}": types.RecordEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchWithFilters($query: String!, $filter: ItemFilter, $first: Int) {\n  search(query: $query, filter: $filter, first: $first) {\n    requestId\n    totalCount\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n        year\n        categories\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').SearchWithFiltersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecommendationsForUser($userId: ID!, $first: Int, $diversity: Float) {\n  recommendations(userId: $userId, first: $first, diversity: $diversity) {\n    requestId\n    modelVersion\n    edges {\n      rank\n      score\n      node {\n        id\n        title\n      }\n      explanation {\n        retrieval {\n          source\n          score\n        }\n        rankerScore\n      }\n    }\n  }\n}"): typeof import('./graphql.js').RecommendationsForUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SimilarItems($itemId: ID!, $first: Int) {\n  similarItems(itemId: $itemId, first: $first) {\n    requestId\n    edges {\n      rank\n      node {\n        id\n        title\n        categories\n      }\n    }\n  }\n}"): typeof import('./graphql.js').SimilarItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordEvents($events: [EventInput!]!) {\n  recordEvents(events: $events) {\n    acceptedCount\n    results {\n      index\n      eventId\n      status\n      reason\n    }\n  }\n}"): typeof import('./graphql.js').RecordEventsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
