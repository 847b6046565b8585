import { createHash } from 'node:crypto';

/**
 * Names one ranked list: the root field and the request that made it, without the page
 * window. A cursor carries it, so that a cursor from one list is refused by another (another
 * query, filter or user) instead of silently paging it from the wrong place.
 */
export function listKey(field: string, request: unknown): string {
  return createHash('sha1').update(JSON.stringify([field, request])).digest('hex').slice(0, 10);
}
