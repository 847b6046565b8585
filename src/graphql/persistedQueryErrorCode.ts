/**
 * Apollo Server answers two automatic-persisted-query mistakes with HTTP 400 but without a
 * code, so they would reach clients and /metrics as INTERNAL_SERVER_ERROR. They are the
 * caller's mistakes; their messages (Apollo's requestPipeline, pinned by
 * test/server/persistedQueries.test.ts) are the only mark they carry.
 */
const CODES: ReadonlyMap<string, string> = new Map([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_UNSUPPORTED_VERSION'],
]);

/** The code of an Apollo persisted-query error with this message, or undefined for any other. */
export function persistedQueryErrorCode(message: string): string | undefined {
  return CODES.get(message);
}
