const { isNaN } = Number;

/**
 * The k best of a stream of (score, index) pairs, kept in a binary min-heap whose root is the
 * worst kept pair: a candidate that does not beat the root costs one comparison, so scanning
 * n candidates costs O(n log k) at worst instead of the O(n log n) of a full sort.
 * Ties are broken by the lower index, so that results do not depend on scan order.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly indices: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`TopK needs a non-negative integer k, got ${k}`);
    this.scores = new Float64Array(k);
    this.indices = new Int32Array(k);
  }

  get length(): number {
    return this.size;
  }

  /** The score a candidate must beat to enter once the heap is full; -Infinity before. */
  get threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!;
  }

  push(score: number, index: number): void {
    if (this.k === 0 || isNaN(score)) return;
    if (this.size < this.k) {
      this.scores[this.size] = score;
      this.indices[this.size] = index;
      this.siftUp(this.size);
      this.size += 1;
      return;
    }
    if (!this.worse(this.scores[0]!, this.indices[0]!, score, index)) return;
    this.scores[0] = score;
    this.indices[0] = index;
    this.siftDown(0);
  }

  /** The kept pairs, best first. */
  sorted(): { score: number; index: number }[] {
    const out: { score: number; index: number }[] = [];
    for (let i = 0; i < this.size; i += 1) out.push({ score: this.scores[i]!, index: this.indices[i]! });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** Whether (scoreA, indexA) ranks below (scoreB, indexB). */
  private worse(scoreA: number, indexA: number, scoreB: number, indexB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && indexA > indexB);
  }

  private siftUp(position: number): void {
    const { scores, indices } = this;
    const score = scores[position]!;
    const index = indices[position]!;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.worse(score, index, scores[parent]!, indices[parent]!)) break;
      scores[position] = scores[parent]!;
      indices[position] = indices[parent]!;
      position = parent;
    }
    scores[position] = score;
    indices[position] = index;
  }

  private siftDown(position: number): void {
    const { scores, indices, size } = this;
    const score = scores[position]!;
    const index = indices[position]!;
    for (;;) {
      const left = 2 * position + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && this.worse(scores[right]!, indices[right]!, scores[left]!, indices[left]!)) child = right;
      if (!this.worse(scores[child]!, indices[child]!, score, index)) break;
      scores[position] = scores[child]!;
      indices[position] = indices[child]!;
      position = child;
    }
    scores[position] = score;
    indices[position] = index;
  }
}
