/** The outcome of checking one record: the checked value, or why it was refused. */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid<T = never>(reason: string): Validation<T> {
  return { ok: false, reason };
}
