/** A command-line option that must be a positive integer: `fallback` when absent, an error naming `--name` when malformed. */
export function positiveOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
