/**
 * Relevance judgements of one query or user: id → grade, where a grade above 0 is relevant
 * and a higher grade is more relevant. Unjudged ids count as grade 0.
 */
export type Judgements = ReadonlyMap<string, number>;

/** Binary judgements: every id given is relevant with grade 1. */
export function binaryJudgements(relevantIds: Iterable<string>): Judgements {
  return new Map([...relevantIds].map((id) => [id, 1]));
}

export function relevantCount(judgements: Judgements): number {
  let count = 0;
  for (const grade of judgements.values()) if (grade > 0) count += 1;
  return count;
}
