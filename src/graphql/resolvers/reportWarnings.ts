import type { ResultPage } from '../../pipeline/requests.js';
import { addWarning } from '../addWarning.js';
import type { GraphQLContext } from '../context.js';

/** Passes a page through, keeping its degradations for the response's `extensions.warnings`. */
export function reportWarnings(page: ResultPage, context: GraphQLContext): ResultPage {
  for (const warning of page.warnings) addWarning(context, warning);
  return page;
}
