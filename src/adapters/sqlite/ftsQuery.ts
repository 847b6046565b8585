/** More words than this in one query add nothing to BM25 but cost; the rest are dropped. */
export const MAX_QUERY_TERMS = 32;

// Letters, digits and combining marks: the characters FTS5's unicode61 tokenizer keeps.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns free text into an FTS5 query that cannot be read as FTS5 syntax: the words of the
 * text, each in double quotes, joined by OR. Operators (AND, NEAR, *, ^, column filters,
 * parentheses, quotes) in the text become plain words or disappear. Returns null when the
 * text has no word, so that callers answer nothing instead of asking FTS5 for nothing.
 */
export function ftsQuery(text: string): string | null {
  const words = new Set<string>();
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    words.add(match[0]);
    if (words.size === MAX_QUERY_TERMS) break;
  }
  if (words.size === 0) return null;
  return [...words].map((word) => `"${word}"`).join(' OR ');
}
