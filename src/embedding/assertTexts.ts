/** Rejects a caller's mistake before it can reach a batch shared with other callers. */
export function assertTexts(texts: readonly string[]): void {
  if (!Array.isArray(texts)) throw new TypeError(`embed() expects an array of strings, got ${describe(texts)}`);
  const bad = texts.findIndex((text) => typeof text !== 'string');
  if (bad >= 0) throw new TypeError(`embed() expects an array of strings, got ${describe(texts[bad])} at index ${bad}`);
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
