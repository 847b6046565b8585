/** Natural order of ids: numeric ids by value ("2" before "10"), others after, as strings. */
function compareUserIds(a: string, b: string): number {
  const x = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const y = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  if (!Number.isNaN(x)) return -1;
  if (!Number.isNaN(y)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The users to evaluate in a stable order, cut to the first `limit` when one is given, so a
 * trial run on a few users is always the same few.
 */
export function selectUsers(userIds: Iterable<string>, limit: number | null): string[] {
  const sorted = [...userIds].sort(compareUserIds);
  return limit === null ? sorted : sorted.slice(0, limit);
}
