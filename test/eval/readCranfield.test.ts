import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readCranfield } from '../../src/eval/cranfield/readCranfield.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cranfield-'));
  await writeFile(
    path.join(dir, 'cran.all.1400'),
    ['.I 1', '.T', 'wing in a', 'slipstream .', '.A', 'brenckman,m.', '.B', 'j. ae. 1958', '.W', 'an experimental', '  study .', '.I 2', '.T', '.A', '.B', '.W', '.I 3', '.T', 'shear flow .', '.W', 'viscous .', ''].join('\n'),
  );
  await writeFile(path.join(dir, 'cran.qry'), ['.I 001', '.W', 'what similarity laws', 'must be obeyed .', '.I 004', '.W', 'heat conduction .'].join('\r\n'));
  await writeFile(path.join(dir, 'QRelsCorrectedforTRECeval'), ['1 0 3 4', '1 0 1 2', '2 0 2 3'].join('\r\n'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCranfield', () => {
  it('numbers queries by position, joins field lines and sets empty documents aside', async () => {
    const collection = await readCranfield(dir);
    expect(collection.documents).toEqual([
      { id: '1', title: 'wing in a slipstream .', text: 'an experimental study .' },
      { id: '3', title: 'shear flow .', text: 'viscous .' },
    ]);
    expect(collection.emptyDocumentIds).toEqual(['2']);
    expect(collection.queries).toEqual([
      { id: '1', text: 'what similarity laws must be obeyed .' },
      { id: '2', text: 'heat conduction .' },
    ]);
    expect([...collection.judgements.get('1')!]).toEqual([
      ['3', 4],
      ['1', 2],
    ]);
    expect([...collection.judgements.get('2')!]).toEqual([['2', 3]]);
  });
});
