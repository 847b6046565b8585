import { badInput } from '../domain/errors.js';
import { quote } from '../domain/quote.js';

const PREFIX = 'cursor:v1:';
/** Positions are bounded by the candidate pool; this only keeps a forged cursor from being absurd. */
const MAX_POSITION = 1_000_000;

/** The opaque cursor of the result at this 0-based position of a ranked list. */
export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');
}

/**
 * The 0-based position a cursor stands for. Anything this API did not produce is a
 * BAD_USER_INPUT naming `argument`, never a silent first page.
 */
export function decodeCursor(cursor: string, argument = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^cursor:v1:(0|[1-9][0-9]{0,6})$/.exec(text);
  const position = match ? Number(match[1]) : Number.NaN;
  // Re-encoding rejects look-alikes that Node's lenient base64 decoder accepts (padding, stray characters).
  if (!Number.isSafeInteger(position) || position > MAX_POSITION || encodeCursor(position) !== cursor) {
    throw badInput(`\`${argument}\` is not a cursor of this API: pass a \`cursor\` or \`pageInfo.endCursor\` from an earlier page, got ${quote(cursor)}`, argument);
  }
  return position;
}
