import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/** A row of a MovieLens CSV by column name, with the row's text as it stands in the file. */
export interface CsvRow {
  readonly fields: Readonly<Record<string, string>>;
  readonly raw: string;
}

/**
 * Reads a whole MovieLens CSV (quoted fields may hold commas). The harness needs every
 * rating in memory to split them, so it reads files whole rather than streaming.
 */
export async function readMovieLensCsv(file: string): Promise<{ header: string; rows: CsvRow[] }> {
  const text = await readFile(file, 'utf8');
  const records = parse(text, { columns: true, bom: true, raw: true, skip_empty_lines: true }) as { record: Record<string, string>; raw: string }[];
  const header = text.slice(0, text.search(/\r?\n/)).replace(/^\uFEFF/, '');
  return { header, rows: records.map(({ record, raw }) => ({ fields: record, raw: raw.replace(/\r?\n$/, '') })) };
}
