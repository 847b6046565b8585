import type { QueryResolvers } from '../generated/resolversTypes.js';
import { toFilter } from '../input/toFilter.js';
import { toPageWindow } from '../input/toPageWindow.js';
import { reportPage } from './reportPage.js';

export const similarItems: NonNullable<QueryResolvers['similarItems']> = async (_root, args, context) => {
  const request = { itemId: args.itemId, filter: toFilter(args.filter), ...toPageWindow(args.first, args.after) };
  return reportPage(await context.gateway.similar(request, context.scope), context);
};
