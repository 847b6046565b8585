import { badInput } from '../../domain/errors.js';

/** Rejects a list argument longer than `max`, naming the argument and the bound. */
export function checkCount(values: readonly unknown[], max: number, argument: string, what: string): void {
  if (values.length > max) {
    throw badInput(`\`${argument}\` takes at most ${max} ${what} per call, got ${values.length}`, argument);
  }
}
