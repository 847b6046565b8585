import { badInput } from '../../domain/errors.js';
import { LIMITS } from './limits.js';

/** The search text, trimmed; 1..512 characters (code points, so emoji count once). */
export function toQueryText(query: string): string {
  const text = query.trim();
  const length = [...text].length;
  if (length < 1 || length > LIMITS.queryLength) {
    throw badInput(`\`query\` must have 1 to ${LIMITS.queryLength} characters after trimming, got ${length}`, 'query');
  }
  return text;
}
