// The same character classes as transformers.js's BertPreTokenizer (and the Rust tokenizers
// crate): Unicode punctuation plus every ASCII symbol. The vocabulary has to be cut the way
// the tokenizer will cut text, or corpus words would never match at inference time.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORD_OR_PUNCTUATION = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const CONTROL = /^(?:\p{Cc}|\p{Cf}|\p{Co}|\p{Cs})$/u;

/**
 * Splits text into the words a lowercasing BERT tokenizer sees before WordPiece: cleaned,
 * CJK ideographs isolated, lowercased, accents stripped, split on whitespace and punctuation.
 */
export function bertWords(text: string): string[] {
  const cleaned: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0 || code === 0xfffd || (char !== '\t' && char !== '\n' && char !== '\r' && CONTROL.test(char))) continue;
    // transformers.js tests UTF-16 units, so ideographs outside the BMP are not isolated there.
    if (code <= 0xffff && isCjk(code)) cleaned.push(' ', char, ' ');
    else cleaned.push(/^\s$/u.test(char) ? ' ' : char);
  }
  const normalized = cleaned.join('').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return normalized.trim().match(WORD_OR_PUNCTUATION) ?? [];
}

/** Whether a one-character word is punctuation, which the pre-tokenizer always isolates. */
export function isPunctuation(char: string): boolean {
  return new RegExp(`^[${PUNCTUATION}]$`, 'u').test(char);
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}
