import type { GraphQLContext } from './context.js';

/** Notes a degradation for the response's `extensions.warnings`, once however often it happens. */
export function addWarning(context: GraphQLContext, warning: string): void {
  if (!context.warnings.includes(warning)) context.warnings.push(warning);
}
