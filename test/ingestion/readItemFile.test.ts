import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readItemFile } from '../../src/ingestion/readItemFile.js';
import type { SourceRecord } from '../../src/ingestion/sourceRecord.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingestion');

async function collect<T>(records: AsyncIterable<SourceRecord<T>>): Promise<SourceRecord<T>[]> {
  const all: SourceRecord<T>[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe('readItemFile on CSV', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and lists split on |', async () => {
    const file = path.join(fixtures, 'items.csv');
    const records = await collect(readItemFile(file));
    expect(records[0]).toEqual({
      file,
      line: 2,
      result: {
        ok: true,
        value: {
          id: '11',
          title: 'American President, The',
          text: 'A widowed president falls for a lobbyist, and says "hello".',
          categories: ['Comedy', 'Drama', 'Romance'],
          tags: ['politics', 'white house'],
          year: 1995,
        },
      },
    });
    expect(records[1]?.result).toEqual({
      ok: true,
      value: { id: '12', title: 'Dracula: Dead and Loving It', text: '', categories: ['Comedy', 'Horror'], tags: [], year: 1995 },
    });
    expect(records[2]).toMatchObject({ line: 4, result: { ok: true, value: { id: '13', text: 'Line one\nline two' } } });
  });

  it('refuses bad records at the line where they start and reads on', async () => {
    const records = await collect(readItemFile(path.join(fixtures, 'items.csv')));
    expect(records.map(({ line, result }) => [line, result.ok ? result.value.id : result.reason])).toEqual([
      [2, '11'],
      [3, '12'],
      [4, '13'],
      [6, 'id is required'],
      [7, 'expected 6 fields (id,title,text,categories,tags,year), got 7'],
      [8, 'year must be a number, got "nineteen"'],
      [9, '16'],
    ]);
    expect(records[6]?.result).toEqual({
      ok: true,
      value: { id: '16', title: 'No Year', text: '', categories: ['Documentary'], tags: [], year: null },
    });
  });

  it('stops a file at a broken quote with one refused record', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'items-')), 'broken.csv');
    await writeFile(file, 'id,title\n1,Heat\n2,"Unclosed\n3,Casino\n');
    const records = await collect(readItemFile(file));
    expect(records.map(({ line, result }) => [line, result.ok ? result.value.id : result.reason])).toEqual([
      [2, '1'],
      [3, 'malformed CSV, the rest of the file is not read: Quote Not Closed: the parsing is finished with an opening quote at line 4'],
    ]);
  });
});

describe('readItemFile on JSON Lines', () => {
  it('reads objects, skips blank lines and refuses bad lines by number', async () => {
    const file = path.join(fixtures, 'items.jsonl');
    const records = await collect(readItemFile(file));
    expect(records.map(({ line, result }) => [line, result.ok ? result.value.id : result.reason])).toEqual([
      [1, '1'],
      [3, '2'],
      [4, expect.stringMatching(/^not valid JSON: /)],
      [5, 'expected a JSON object, got a list'],
      [6, 'title must be a non-empty string, got ""'],
      [7, 'unknown field "genres" (expected id, title, text, categories, tags, year)'],
      [8, 'year must be an integer from 0 to 3000 or null, got 1995.5'],
    ]);
    expect(records[0]?.result).toEqual({
      ok: true,
      value: { id: '1', title: 'Toy Story', text: 'Toys come to life.', categories: ['Animation', 'Children'], tags: ['pixar'], year: 1995 },
    });
    expect(records[1]?.result).toEqual({
      ok: true,
      value: { id: '2', title: 'Jumanji', text: '', categories: ['Adventure', 'Children'], tags: [], year: 1995 },
    });
  });

  it('rejects a missing file before reading', async () => {
    await expect(collect(readItemFile(path.join(fixtures, 'absent.jsonl')))).rejects.toThrow(/ENOENT/);
    await expect(collect(readItemFile(path.join(fixtures, 'items.txt')))).rejects.toThrow(
      /cannot tell the format of .*items\.txt: expected one of \.jsonl, \.ndjson, \.csv/,
    );
  });
});

describe('readItemFile line ends', () => {
  it('reads \r\n and mixed line ends with exact line numbers, quoted newlines included', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'items-')), 'crlf.csv');
    await writeFile(file, 'id,title,year\n1,"American President, The",1995\r\n2,"Two\r\nLines",1996\r\n\r\n3,Heat,x\r\n4,Casino,1995\n');
    const records = await collect(readItemFile(file));
    expect(records.map(({ line, result }) => [line, result.ok ? [result.value.title, result.value.year] : result.reason])).toEqual([
      [2, ['American President, The', 1995]],
      [3, ['Two\r\nLines', 1996]],
      [6, 'year must be a number, got "x"'],
      [7, ['Casino', 1995]],
    ]);
  });
});
