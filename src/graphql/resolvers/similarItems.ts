import type { QueryResolvers } from '../generated/resolversTypes.js';
import { toFilter } from '../input/toFilter.js';
import { toId } from '../input/toId.js';
import { toPageWindow } from '../input/toPageWindow.js';
import { listKey } from '../listKey.js';
import { reportPage } from './reportPage.js';

export const similarItems: NonNullable<QueryResolvers['similarItems']> = async (_root, args, context) => {
  const list = { itemId: toId(args.itemId, 'itemId'), filter: toFilter(args.filter) };
  const key = listKey('similarItems', list);
  const request = { ...list, ...toPageWindow(args.first, args.after, key) };
  return reportPage(await context.gateway.similar(request, context.scope), key, context);
};
