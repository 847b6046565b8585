import { SPECIAL_TOKENS } from './specialTokens.js';

/**
 * tokenizer.json (Hugging Face tokenizers format) and tokenizer_config.json of a lowercasing
 * BERT WordPiece tokenizer over the given vocabulary: what bert-base-uncased and
 * all-MiniLM-L6-v2 ship, so transformers.js treats the model like theirs.
 */
export function tokenizerFiles(tokens: readonly string[], modelMaxLength: number): { tokenizer: object; tokenizerConfig: object } {
  const ids = new Map(tokens.map((token, id) => [token, id]));
  const idOf = (token: string): number => {
    const id = ids.get(token);
    if (id === undefined) {
      throw new RangeError(`the vocabulary must contain the special token ${token} (it needs all of ${Object.values(SPECIAL_TOKENS).join(' ')})`);
    }
    return id;
  };
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: Object.values(SPECIAL_TOKENS).map((token) => ({
      id: idOf(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(SPECIAL_TOKENS.cls), { Sequence: { id: 'A', type_id: 0 } }, special(SPECIAL_TOKENS.sep)],
      pair: [
        special(SPECIAL_TOKENS.cls),
        { Sequence: { id: 'A', type_id: 0 } },
        special(SPECIAL_TOKENS.sep),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: SPECIAL_TOKENS.sep, type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        [SPECIAL_TOKENS.cls, SPECIAL_TOKENS.sep].map((token) => [token, { id: token, ids: [idOf(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: SPECIAL_TOKENS.unk,
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(tokens.map((token, id) => [token, id])),
    },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    model_max_length: modelMaxLength,
    pad_token: SPECIAL_TOKENS.pad,
    unk_token: SPECIAL_TOKENS.unk,
    cls_token: SPECIAL_TOKENS.cls,
    sep_token: SPECIAL_TOKENS.sep,
    mask_token: SPECIAL_TOKENS.mask,
  };
  return { tokenizer, tokenizerConfig };
}
