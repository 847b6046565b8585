import { describeMachine } from '../report/machineInfo.js';
import { markdownTable } from '../report/markdownTable.js';
import type { RecsReport } from './recsReport.js';
import { RECS_METRICS } from './scoreRecommendations.js';

/** The table of a recommendation run, with the facts needed to read it. */
export function recsMarkdown(report: RecsReport): string {
  const table = markdownTable(
    ['System', ...RECS_METRICS, 'Users', 'Failed'],
    report.systems.map((system) => [system.name, ...RECS_METRICS.map((metric) => system.metrics[metric]), system.users, system.failures]),
  );
  const { split } = report;
  return [
    '# Recommendation quality: MovieLens, temporal split',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${describeMachine(report.machine)}`,
    `- Data: ${report.dataDir} (${split.ratings} ratings, ${split.users} users)`,
    `- Split: per user, the last 20% of ratings by time are the test set (${split.testRatings} ratings); ${split.trainRatings} training ratings ingested; ${split.tagsDropped} tags on test pairs left out`,
    `- Users: ${split.evaluatedUsers} evaluated of ${split.testUsers} with a positive (rating >= 4) test rating; seed ${report.seed}`,
    `- Command: \`${report.command}\``,
    '',
    table,
    '',
    'Recall, NDCG (binary relevance), MRR and MAP (denominator: all test positives) are means over users; ties in a',
    "baseline's scores count as the expected value over their orders. Coverage@10: share of the catalog in any top 10;",
    'ILD@10: mean pairwise genre dissimilarity (1 − Jaccard) of each top 10.',
    '',
  ].join('\n');
}
