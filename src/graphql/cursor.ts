import { badInput } from '../domain/errors.js';
import { quote } from '../domain/quote.js';

const PREFIX = 'cursor:v2:';
/** Positions are bounded by the candidate pool; this only keeps a forged cursor from being absurd. */
const MAX_POSITION = 1_000_000;

/** The opaque cursor of the result at this 0-based position of the ranked list `listKey` names. */
export function encodeCursor(position: number, listKey: string): string {
  return Buffer.from(`${PREFIX}${listKey}:${position}`, 'utf8').toString('base64url');
}

/**
 * The 0-based position a cursor stands for in the list `listKey` names. Anything this API did
 * not produce, or produced for another list, is a BAD_USER_INPUT naming `argument`, never a
 * silent first page.
 */
export function decodeCursor(cursor: string, listKey: string, argument = 'after'): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^cursor:v2:([0-9a-f]{10}):(0|[1-9][0-9]{0,6})$/.exec(text);
  const position = match ? Number(match[2]) : Number.NaN;
  // Re-encoding rejects look-alikes that Node's lenient base64 decoder accepts (padding, stray characters).
  if (!match || !Number.isSafeInteger(position) || position > MAX_POSITION || encodeCursor(position, match[1]!) !== cursor) {
    throw badInput(`\`${argument}\` is not a cursor of this API: pass a \`cursor\` or \`pageInfo.endCursor\` from an earlier page, got ${quote(cursor)}`, argument);
  }
  if (match[1] !== listKey) {
    throw badInput(
      `\`${argument}\` is a cursor of another list (another query, filter, user or item): page with the cursors of this list, or start again without \`${argument}\``,
      argument,
    );
  }
  return position;
}
