import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Judgements } from '../metrics/judgements.js';
import { parseDotRecords } from './parseDotRecords.js';

export interface CranfieldDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface CranfieldQuery {
  /** The judgements' query number: the query's position in cran.qry, from 1. */
  readonly id: string;
  readonly text: string;
}

export interface CranfieldCollection {
  readonly documents: readonly CranfieldDocument[];
  /** Documents with neither title nor text (471 and 995): nothing can find them. */
  readonly emptyDocumentIds: readonly string[];
  readonly queries: readonly CranfieldQuery[];
  /** Query id → document id → grade (higher is more relevant). */
  readonly judgements: ReadonlyMap<string, Judgements>;
}

export const CRANFIELD_FILES = {
  documents: 'cran.all.1400',
  queries: 'cran.qry',
  judgements: 'QRelsCorrectedforTRECeval',
} as const;

/**
 * Reads a collection in the Cranfield layout. The traps: cran.qry numbers its queries 001,
 * 002, 004, 008, … while the judgements number them by position, so the n-th query gets
 * id n; and the TREC-format judgements (`query 0 doc grade`) are the ones graded so that
 * higher is more relevant.
 */
export async function readCranfield(dir: string): Promise<CranfieldCollection> {
  const [docsText, queriesText, qrelsText] = await Promise.all(
    [CRANFIELD_FILES.documents, CRANFIELD_FILES.queries, CRANFIELD_FILES.judgements].map((name) => readFile(path.join(dir, name), 'utf8')),
  );
  const documents: CranfieldDocument[] = [];
  const emptyDocumentIds: string[] = [];
  for (const record of parseDotRecords(docsText!)) {
    const title = record.fields.T ?? '';
    const text = record.fields.W ?? '';
    if (title === '' && text === '') emptyDocumentIds.push(record.id);
    else documents.push({ id: record.id, title, text });
  }
  const queries = parseDotRecords(queriesText!).map((record, index) => ({ id: String(index + 1), text: record.fields.W ?? '' }));
  return { documents, emptyDocumentIds, queries, judgements: parseTrecQrels(qrelsText!) };
}

/** TREC qrels: `query iteration doc grade` per line; grades of 0 or less are not relevant. */
export function parseTrecQrels(text: string): Map<string, Map<string, number>> {
  const judgements = new Map<string, Map<string, number>>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parts = line.trim().split(/\s+/);
    const grade = Number(parts[3]);
    if (parts.length !== 4 || !Number.isFinite(grade)) {
      throw new Error(`qrels line ${index + 1}: expected "query iteration doc grade", got ${JSON.stringify(line)}`);
    }
    const [query, , doc] = parts as [string, string, string];
    let forQuery = judgements.get(query);
    if (!forQuery) judgements.set(query, (forQuery = new Map()));
    forQuery.set(doc, grade);
  });
  return judgements;
}
