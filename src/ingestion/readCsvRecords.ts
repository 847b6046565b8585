import { CsvError, parse } from 'csv-parse';
import { openFile } from './openFile.js';
import type { RawFields, SourceRecord } from './sourceRecord.js';
import { invalid, valid } from './validation.js';

// The part of csv-parse's per-record info read here; its published type leaves out the
// fields that `info: true` adds to each record.
interface RecordInfo {
  readonly lines: number;
  readonly columns: readonly { readonly name: string }[];
  readonly error?: { readonly record?: unknown };
}

/**
 * Streams a CSV file with a header row as records keyed by column name (names trimmed).
 * Quoted fields may hold commas, quotes ("") and newlines. A record with the wrong number of
 * fields is refused at its line and reading goes on. A broken quote is different: after it
 * no parser can tell where records start, so it ends the file with one refused record at the
 * line after the last good record, rather than guessing at everything after it.
 * Lines end in \n or \r\n, mixed as they come.
 */
export async function* readCsvRecords(file: string): AsyncGenerator<SourceRecord<RawFields>> {
  const input = await openFile(file);
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Auto-detection takes the first line's ending for the whole file; files edited on two
      // systems mix them, and a \r would then stick to every last field.
      record_delimiter: ['\r\n', '\n'],
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let lastLine = 1;
  // csv-parse counts a \r\n inside quotes as two lines; every one seen shifts all later counts.
  let overcount = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: RecordInfo }>) {
      const values = Object.values(record);
      overcount += count(values, '\r\n');
      // info.lines is where the record ends; a quoted newline moves its start up.
      const end = info.lines - overcount;
      const line = end - count(values, '\n');
      lastLine = end;
      if (info.error !== undefined) {
        const names = info.columns.map((column) => column.name).join(',');
        const got = Array.isArray(info.error.record) ? info.error.record.length : 'another number of';
        yield { file, line, result: invalid(`expected ${info.columns.length} fields (${names}), got ${got}`) };
      } else {
        yield { file, line, result: valid(record) };
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser reports where it gave up (often the end of the file); the record that broke
    // it is the one after the last good record, which is where someone has to look.
    const line = lastLine + 1;
    yield { file, line, result: invalid(`malformed CSV, the rest of the file is not read: ${error.message}`) };
  } finally {
    // A reader that stops early (--strict, a sniff of the first record) must not leak the file.
    input.destroy();
  }
}

function count(values: readonly string[], part: string): number {
  let found = 0;
  for (const value of values) {
    for (let index = value.indexOf(part); index !== -1; index = value.indexOf(part, index + part.length)) found += 1;
  }
  return found;
}
