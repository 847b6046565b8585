import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runSearchEval } from '../../src/eval/search/runSearchEval.js';

let dir: string;

const documents = [
  ['1', 'shear flow past a flat plate', 'viscous incompressible fluid in the boundary layer .'],
  ['2', 'heat conduction in composite slabs', 'temperature distribution in layered slabs .'],
  ['3', 'supersonic wing flutter', 'aeroelastic models of high speed aircraft .'],
  ['4', 'boundary layer transition', 'laminar to turbulent transition of the flow on a flat plate .'],
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cranfield-eval-'));
  await writeFile(path.join(dir, 'cran.all.1400'), documents.map(([id, title, text]) => `.I ${id}\n.T\n${title}\n.A\n\n.B\n\n.W\n${text}\n`).join(''));
  // Query ids 001 and 004 in the file are queries 1 and 2 of the judgements.
  await writeFile(path.join(dir, 'cran.qry'), '.I 001\r\n.W\r\nheat conduction in composite slabs .\r\n.I 004\r\n.W\r\naeroelastic models of high speed aircraft .\r\n');
  await writeFile(path.join(dir, 'QRelsCorrectedforTRECeval'), '1 0 2 3\r\n2 0 3 4\r\n2 0 1 1');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runSearchEval on a four-document collection', () => {
  it('runs every query through GraphQL search and the indexes, and scores them', async () => {
    const report = await runSearchEval({ dataDir: dir, env: { EMBEDDING_MODEL: 'builtin' } });
    expect(report.collection).toEqual({ documents: 4, emptyDocuments: [], queries: 2, judgements: 3 });
    expect(report.ingestion).toMatchObject({ items: 4, itemsRefused: 0 });
    expect(report.systems.map((system) => [system.name, system.queries, system.failures])).toEqual([
      ['gateway search', 2, 0],
      ['BM25 alone', 2, 0],
      ['dense alone', 2, 0],
    ]);
    const bm25 = report.systems[1]!.metrics;
    // Query 1 finds doc 2 first (nDCG 1). Query 2 finds doc 3 first but never doc 1, which
    // shares no word with it: recall 1/2, AP (1/1)/2, nDCG (2^4−1)/((2^4−1) + (2^1−1)/log2 3).
    const ndcgQuery2 = 15 / (15 + 1 / Math.log2(3));
    expect(bm25['nDCG@10']).toBeCloseTo((1 + ndcgQuery2) / 2, 12);
    expect(bm25['MAP@100']).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(bm25['Recall@100']).toBeCloseTo((1 + 0.5) / 2, 12);
    // Dense retrieval ranks every document, so nothing judged is missed within 100.
    expect(report.systems[2]!.metrics['Recall@100']).toBe(1);
    expect(report.systems[0]!.metrics['Recall@100']).toBe(1);
  });
});
