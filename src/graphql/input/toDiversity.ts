import { badInput } from '../../domain/errors.js';

/** The MMR trade-off, 0..1; null leaves the choice to the configured default. */
export function toDiversity(diversity: number | null | undefined): number | null {
  if (diversity == null) return null;
  if (!(diversity >= 0 && diversity <= 1)) {
    throw badInput(`\`diversity\` must be from 0 to 1, got ${diversity}`, 'diversity');
  }
  return diversity;
}
