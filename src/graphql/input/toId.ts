import { badInput } from '../../domain/errors.js';
import { idProblem } from '../../ingestion/idProblem.js';

/**
 * An id argument, held to the rules every stored id follows (1 to 128 characters, no control
 * characters): an id that no item or user could have is the caller's mistake, not an unknown id.
 */
export function toId(value: string, argument: string): string {
  return checkedId(value, `\`${argument}\``, argument);
}

/**
 * A list of ids, each held to the rules of `toId`. A refusal names the element
 * (`ids[1]`), as other list arguments do, since the list itself may be fine.
 */
export function toIds(values: readonly string[], argument: string): string[] {
  return values.map((value, index) => checkedId(value, `\`${argument}[${index}]\``, argument));
}

function checkedId(value: string, name: string, argument: string): string {
  const problem = idProblem(name, value);
  if (problem !== null) throw badInput(problem, argument);
  return value;
}
