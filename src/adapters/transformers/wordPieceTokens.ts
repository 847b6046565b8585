import { bertWords } from './bertWords.js';
import { SPECIAL_TOKENS } from './specialTokens.js';

/** BERT's WordPiece gives up on longer words; so must we, to cut text as the tokenizer does. */
const MAX_WORD_CHARS = 100;

/**
 * The WordPiece tokens a BERT tokenizer with this vocabulary makes of `text` (no [CLS]/[SEP]):
 * the same words as its pre-tokenizer, each split greedily longest-match-first into a word
 * start and `##` continuations, and [UNK] for a word that cannot be split. Training the text
 * model on these is training on what the embedder will see.
 */
export function wordPieceTokens(text: string, vocabulary: ReadonlySet<string>): string[] {
  const tokens: string[] = [];
  for (const word of bertWords(text)) {
    const chars = [...word];
    if (chars.length > MAX_WORD_CHARS) {
      tokens.push(SPECIAL_TOKENS.unk);
      continue;
    }
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let piece: string | null = null;
      while (end > start) {
        const candidate = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        if (vocabulary.has(candidate)) {
          piece = candidate;
          break;
        }
        end -= 1;
      }
      if (piece === null) break;
      pieces.push(piece);
      start = end;
    }
    if (start < chars.length) tokens.push(SPECIAL_TOKENS.unk);
    else tokens.push(...pieces);
  }
  return tokens;
}
