import { percentile } from './percentile.js';

export interface MsSummary {
  readonly n: number;
  readonly medianMs: number;
  readonly meanMs: number;
}

export function summarizeMs(values: readonly number[]): MsSummary {
  if (values.length === 0) throw new Error('summarizeMs needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, medianMs: percentile(sorted, 50)!, meanMs: values.reduce((a, b) => a + b, 0) / values.length };
}
