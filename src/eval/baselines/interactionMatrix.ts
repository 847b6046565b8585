import { POSITIVE_RATING } from '../../domain/event.js';
import type { Rating } from '../movieLens/rating.js';

/** Compressed sparse rows: row r holds `indexes[offsets[r] .. offsets[r + 1])`, ascending. */
export interface SparseRows {
  readonly offsets: Int32Array;
  readonly indexes: Int32Array;
}

export function row(rows: SparseRows, r: number): Int32Array {
  return rows.indexes.subarray(rows.offsets[r]!, rows.offsets[r + 1]!);
}

/**
 * The training user–item matrix the baselines share, as integer indexes so that full
 * MovieLens fits in a few typed arrays. Items are the catalog, in catalog order; ratings of
 * items outside it are ignored, as the gateway would refuse them.
 */
export interface InteractionMatrix {
  readonly itemIds: readonly string[];
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly userIndex: ReadonlyMap<string, number>;
  /** Per user, the items rated at or above the positive threshold. */
  readonly userPositives: SparseRows;
  /** Per item, the users who rated it positively. */
  readonly itemPositives: SparseRows;
  /** Per user, every item rated: what a recommender must not offer again. */
  readonly userSeen: SparseRows;
}

function toRows(pairs: readonly (readonly [number, number])[], rowCount: number): SparseRows {
  const unique = [...new Set(pairs.map(([r, c]) => r * 0x100000000 + c))].sort((a, b) => a - b);
  const offsets = new Int32Array(rowCount + 1);
  const indexes = new Int32Array(unique.length);
  unique.forEach((key, i) => {
    const r = Math.floor(key / 0x100000000);
    offsets[r + 1]! += 1;
    indexes[i] = key % 0x100000000;
  });
  for (let r = 0; r < rowCount; r += 1) offsets[r + 1]! += offsets[r]!;
  return { offsets, indexes };
}

export function interactionMatrix(catalogIds: readonly string[], train: readonly Rating[], positiveThreshold = POSITIVE_RATING): InteractionMatrix {
  const itemIndex = new Map(catalogIds.map((id, i) => [id, i]));
  if (itemIndex.size !== catalogIds.length) throw new Error('interactionMatrix: the catalog names an id twice');
  const userIndex = new Map<string, number>();
  const seen: [number, number][] = [];
  const positives: [number, number][] = [];
  for (const rating of train) {
    const item = itemIndex.get(rating.itemId);
    if (item === undefined) continue;
    let user = userIndex.get(rating.userId);
    if (user === undefined) {
      user = userIndex.size;
      userIndex.set(rating.userId, user);
    }
    seen.push([user, item]);
    if (rating.value >= positiveThreshold) positives.push([user, item]);
  }
  return {
    itemIds: catalogIds,
    itemIndex,
    userIndex,
    userPositives: toRows(positives, userIndex.size),
    itemPositives: toRows(
      positives.map(([u, i]) => [i, u] as const),
      catalogIds.length,
    ),
    userSeen: toRows(seen, userIndex.size),
  };
}
