import { badInput } from '../../domain/errors.js';
import { idProblem } from '../../ingestion/idProblem.js';

/**
 * An id argument, held to the rules every stored id follows (1 to 128 characters, no control
 * characters): an id that no item or user could have is the caller's mistake, not an unknown id.
 */
export function toId(value: string, argument: string): string {
  const problem = idProblem(`\`${argument}\``, value);
  if (problem !== null) throw badInput(problem, argument);
  return value;
}
