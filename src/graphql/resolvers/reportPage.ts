import type { ResultPage } from '../../pipeline/requests.js';
import { addWarning } from '../addWarning.js';
import type { ConnectionPage } from '../connectionPage.js';
import type { GraphQLContext } from '../context.js';

/**
 * A page as its connection, keeping what the response reports beside the data: its degradations
 * (`extensions.warnings`) and its stage timings (`extensions.timings`, Prometheus metrics).
 */
export function reportPage(page: ResultPage, listKey: string, context: GraphQLContext): ConnectionPage {
  for (const warning of page.warnings) addWarning(context, warning);
  context.stageTimings.push(page.timings);
  return { ...page, listKey };
}
