import { FEATURE_READS, type FeatureRead } from './countingFeatureStore.js';

/** The counter the bench server registers (only that composition counts store calls). */
export const FEATURE_CALLS_METRIC = 'bench_feature_store_calls_total';

/** Reads the bench server's FeatureStore call counter from its Prometheus text. */
export async function featureStoreCalls(metricsUrl: string, metricName = FEATURE_CALLS_METRIC): Promise<Record<FeatureRead, number>> {
  const text = await fetch(metricsUrl).then((response) => response.text());
  const counts = Object.fromEntries(FEATURE_READS.map((method) => [method, 0])) as Record<FeatureRead, number>;
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${metricName}\\{method="(\\w+)"\\} (\\d+(?:\\.\\d+)?)$`).exec(line);
    if (match && (FEATURE_READS as readonly string[]).includes(match[1]!)) counts[match[1] as FeatureRead] = Number(match[2]);
  }
  return counts;
}
