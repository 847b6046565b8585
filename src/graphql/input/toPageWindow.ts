import { badInput } from '../../domain/errors.js';
import type { PageWindow } from '../../pipeline/requests.js';
import { decodeCursor } from '../cursor.js';
import { LIMITS } from './limits.js';

const DEFAULT_PAGE_SIZE = 10;

/**
 * `first` and `after` as a window of the ranked list `listKey` names. An explicit null
 * `first` means the default, as an omitted one does; a cursor points at the last result seen,
 * so the page starts after it.
 */
export function toPageWindow(first: number | null | undefined, after: string | null | undefined, listKey: string): PageWindow {
  return { first: checkFirst(first ?? DEFAULT_PAGE_SIZE, LIMITS.pageSize), offset: after == null ? 0 : decodeCursor(after, listKey) + 1 };
}

/** A count argument within 1..max; over the cap is an error, not a silent clamp, so clients notice. */
export function checkFirst(first: number, max: number, argument = 'first'): number {
  if (first > max) {
    throw badInput(`\`${argument}\` must be at most ${max} (results are capped at ${max} per page), got ${first}`, argument);
  }
  if (first < 1) {
    throw badInput(`\`${argument}\` must be from 1 to ${max}, got ${first}`, argument);
  }
  return first;
}
