import { createInterface } from 'node:readline';
import { openFile } from './openFile.js';
import type { RawFields, SourceRecord } from './sourceRecord.js';
import { invalid, valid } from './validation.js';

/**
 * Streams a JSON Lines file: one object per line, blank lines skipped. A line that is not a
 * JSON object becomes a refused record at its line; the lines after it are read as usual.
 */
export async function* readJsonLines(file: string): AsyncGenerator<SourceRecord<RawFields>> {
  const input = await openFile(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      // A byte-order mark is invisible in editors but breaks JSON.parse of the first line.
      const body = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (body.length === 0) continue;
      yield { file, line, result: parseObject(body) };
    }
  } finally {
    // A reader that stops early (--strict, a sniff of the first record) must not leak the file.
    input.destroy();
  }
}

function parseObject(body: string) {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return invalid<RawFields>(`not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return invalid<RawFields>(`expected a JSON object, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`);
  }
  return valid(value as RawFields);
}
