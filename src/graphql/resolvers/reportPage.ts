import type { ResultPage } from '../../pipeline/requests.js';
import { addWarning } from '../addWarning.js';
import type { GraphQLContext } from '../context.js';

/**
 * Passes a page through, keeping what the response reports beside the data: its degradations
 * (`extensions.warnings`) and its stage timings (`extensions.timings`, Prometheus metrics).
 */
export function reportPage(page: ResultPage, context: GraphQLContext): ResultPage {
  for (const warning of page.warnings) addWarning(context, warning);
  context.stageTimings.push(page.timings);
  return page;
}
