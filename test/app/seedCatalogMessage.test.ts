import { describe, expect, it } from '@jest/globals';
import type { Stores } from '../../src/app/openStores.js';
import { seedCatalog } from '../../src/app/seedCatalog.js';

describe('seedCatalog on an empty catalog with nothing to load', () => {
  it('names where the catalog lives (the Qdrant collection in service mode), not DATA_DIR', async () => {
    const lines: string[] = [];
    const stores = { catalog: { count: async () => 0 } } as unknown as Stores;
    const outcome = await seedCatalog(stores, null, 'Qdrant collection alias "items" at http://qdrant:6333', (line) => lines.push(line));
    expect(outcome).toBe('no-seed');
    expect(lines[0]!.split('\n')[0]).toBe('The catalog (Qdrant collection alias "items" at http://qdrant:6333) is empty and seeding is off (SEED_MOVIELENS=none).');
  });
});
