import { describeMachine } from '../report/machineInfo.js';
import { markdownTable } from '../report/markdownTable.js';
import { SEARCH_METRICS } from './scoreSearch.js';
import type { SearchReport } from './searchReport.js';

export function searchMarkdown(report: SearchReport): string {
  const table = markdownTable(
    ['System', ...SEARCH_METRICS, 'Queries', 'Failed', 'How'],
    report.systems.map((system) => [system.name, ...SEARCH_METRICS.map((metric) => system.metrics[metric]), system.queries, system.failures, system.path]),
  );
  const { collection } = report;
  return [
    '# Search quality: Cranfield',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${describeMachine(report.machine)}`,
    `- Data: ${report.dataDir} (${collection.documents} documents ingested, ${collection.emptyDocuments.length} empty ones left out: ${collection.emptyDocuments.join(', ')}; ${collection.queries} queries, ${collection.judgements} graded judgements)`,
    `- Embedding model: ${String(report.config['embeddingModel'])}`,
    `- Command: \`${report.command}\``,
    '',
    table,
    '',
    'nDCG@10 uses the graded judgements (QRelsCorrectedforTRECeval, gain 2^grade − 1); MAP@100 and Recall@100 count every',
    'judged document as relevant, with all judged documents in the denominator (trec_eval convention).',
    '',
  ].join('\n');
}
