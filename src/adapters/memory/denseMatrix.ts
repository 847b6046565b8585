import type { ScoredId } from '../../domain/candidate.js';
import { compileFilter, type FilterablePayload } from '../../domain/matchesFilter.js';
import type { SearchOptions } from '../../ports/catalogIndex.js';
import { TopK } from './topK.js';

/**
 * Every vector of the catalog in one row-major Float32Array, with the filterable payload of
 * each row beside it: exact cosine search is one pass over contiguous memory, and filters are
 * decided before any arithmetic. At 10k × 384 that is 15 MB and a few milliseconds a query,
 * which is why the embedded mode needs no approximate index.
 */
export class DenseMatrix {
  private data: Float32Array;
  private norms: Float32Array;
  private ids: string[] = [];
  private payloads: FilterablePayload[] = [];
  private readonly slotById = new Map<string, number>();

  constructor(
    readonly dimension: number,
    initialCapacity = 1024,
  ) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
    const capacity = Math.max(1, initialCapacity);
    this.data = new Float32Array(capacity * dimension);
    this.norms = new Float32Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  payloadOf(id: string): FilterablePayload | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.payloads[slot];
  }

  /** A copy of the row of `id` (rows move when others are removed), or null when absent. */
  vectorOf(id: string): Float32Array | null {
    const slot = this.slotById.get(id);
    return slot === undefined ? null : this.data.slice(slot * this.dimension, (slot + 1) * this.dimension);
  }

  /** Inserts or replaces the row of `payload.id`; the vector is copied. */
  set(payload: FilterablePayload, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimension) {
      throw new RangeError(`item ${JSON.stringify(payload.id)}: vector has ${vector.length} dimensions, the index holds ${this.dimension}`);
    }
    let slot = this.slotById.get(payload.id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ensureCapacity(slot + 1);
      this.ids.push(payload.id);
      this.payloads.push(payload);
      this.slotById.set(payload.id, slot);
    } else {
      this.payloads[slot] = payload;
    }
    const base = slot * this.dimension;
    let squares = 0;
    for (let j = 0; j < this.dimension; j += 1) {
      const value = vector[j]!;
      this.data[base + j] = value;
      squares += value * value;
    }
    this.norms[slot] = Math.sqrt(squares);
  }

  /** Removes rows by id; returns whether the id was there. The last row moves into the hole. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      const lastId = this.ids[last]!;
      this.data.copyWithin(slot * this.dimension, last * this.dimension, (last + 1) * this.dimension);
      this.norms[slot] = this.norms[last]!;
      this.ids[slot] = lastId;
      this.payloads[slot] = this.payloads[last]!;
      this.slotById.set(lastId, slot);
    }
    this.ids.pop();
    this.payloads.pop();
    this.slotById.delete(id);
    return true;
  }

  /** Ids among `ids` that are present and pass the filter, in the order given. */
  filterIds(ids: readonly string[], filter: SearchOptions['filter']): string[] {
    const holds = compileFilter(filter);
    return ids.filter((id) => {
      const payload = this.payloadOf(id);
      return payload !== undefined && holds(payload);
    });
  }

  /**
   * Exact cosine top-k. Excluded and non-matching rows are skipped before scoring, so a
   * narrow filter never leaves the result short while matching rows exist.
   */
  search(query: ArrayLike<number>, options: SearchOptions): ScoredId[] {
    const { dimension, data, norms, ids, payloads } = this;
    if (query.length !== dimension) {
      throw new RangeError(`query vector has ${query.length} dimensions, the index holds ${dimension}`);
    }
    const limit = Math.max(0, Math.floor(options.limit));
    if (limit === 0 || ids.length === 0) return [];
    let squares = 0;
    for (let j = 0; j < dimension; j += 1) squares += query[j]! * query[j]!;
    const queryNorm = Math.sqrt(squares);
    const q = Float32Array.from(query);
    const holds = options.filter ? compileFilter(options.filter) : null;
    const exclude = options.excludeIds && options.excludeIds.size > 0 ? options.excludeIds : null;
    const top = new TopK(limit);
    for (let slot = 0; slot < ids.length; slot += 1) {
      if (exclude !== null && exclude.has(ids[slot]!)) continue;
      if (holds !== null && !holds(payloads[slot]!)) continue;
      const dot = dotAt(q, data, slot * dimension, dimension);
      const norm = norms[slot]! * queryNorm;
      top.push(norm > 0 ? dot / norm : 0, slot);
    }
    return top.sorted().map(({ score, index }) => ({ id: ids[index]!, score }));
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.norms.length) return;
    const capacity = Math.max(rows, this.norms.length * 2);
    const data = new Float32Array(capacity * this.dimension);
    data.set(this.data);
    const norms = new Float32Array(capacity);
    norms.set(this.norms);
    this.data = data;
    this.norms = norms;
  }
}

/** Dot product of `q` with the row at `base`; four accumulators let the CPU overlap the adds. */
function dotAt(q: Float32Array, data: Float32Array, base: number, dimension: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dimension; j += 4) {
    s0 += q[j]! * data[base + j]!;
    s1 += q[j + 1]! * data[base + j + 1]!;
    s2 += q[j + 2]! * data[base + j + 2]!;
    s3 += q[j + 3]! * data[base + j + 3]!;
  }
  for (; j < dimension; j += 1) s0 += q[j]! * data[base + j]!;
  return s0 + s1 + s2 + s3;
}
