import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { inImpressionSample } from '../../src/pipeline/impressionOf.js';

describe('inImpressionSample', () => {
  it('keeps all or none at the ends, and the same answer for the same id', () => {
    const id = '80000000-0000-4000-8000-000000000000';
    expect([inImpressionSample(id, 1), inImpressionSample(id, 0)]).toEqual([true, false]);
    // The first 32 bits are 0x80000000: exactly half way.
    expect([inImpressionSample(id, 0.5), inImpressionSample(id, 0.5000001)]).toEqual([false, true]);
  });

  it('keeps about the configured share of random request ids', () => {
    const ids = Array.from({ length: 20_000 }, () => randomUUID());
    const kept = ids.filter((id) => inImpressionSample(id, 0.1)).length;
    // Binomial(20000, 0.1): sd 42; 6 sd either side.
    expect(kept).toBeGreaterThan(2000 - 255);
    expect(kept).toBeLessThan(2000 + 255);
  });
});
