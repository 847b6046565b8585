import type { QueryResolvers } from '../generated/resolversTypes.js';
import { toDiversity } from '../input/toDiversity.js';
import { toFilter } from '../input/toFilter.js';
import { toPageWindow } from '../input/toPageWindow.js';
import { toId } from '../input/toId.js';
import { toQueryText } from '../input/toQueryText.js';
import { listKey } from '../listKey.js';
import { reportPage } from './reportPage.js';

export const search: NonNullable<QueryResolvers['search']> = async (_root, args, context) => {
  const list = {
    query: toQueryText(args.query),
    filter: toFilter(args.filter),
    userId: args.userId == null ? null : toId(args.userId, 'userId'),
    diversity: toDiversity(args.diversity),
  };
  const key = listKey('search', list);
  const request = { ...list, ...toPageWindow(args.first, args.after, key) };
  return reportPage(await context.gateway.search(request, context.scope), key, context);
};
