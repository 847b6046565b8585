import { badInput } from '../../domain/errors.js';
import type { QueryResolvers } from '../generated/resolversTypes.js';
import { checkCount } from '../input/checkCount.js';
import { LIMITS } from '../input/limits.js';
import { toDiversity } from '../input/toDiversity.js';
import { toFilter } from '../input/toFilter.js';
import { toId, toIds } from '../input/toId.js';
import { toPageWindow } from '../input/toPageWindow.js';
import { listKey } from '../listKey.js';
import { reportPage } from './reportPage.js';

export const recommendations: NonNullable<QueryResolvers['recommendations']> = async (_root, args, context) => {
  const itemIds = args.itemIds ?? [];
  checkCount(itemIds, LIMITS.seedItems, 'itemIds', 'ids');
  toIds(itemIds, 'itemIds');
  const userId = args.userId == null ? null : toId(args.userId, 'userId');
  if (userId === null && itemIds.length === 0) {
    throw badInput('give `userId`, `itemIds` or both: recommendations need someone or something to start from', 'userId');
  }
  const list = { userId, itemIds, filter: toFilter(args.filter), diversity: toDiversity(args.diversity) };
  const key = listKey('recommendations', list);
  const request = { ...list, ...toPageWindow(args.first, args.after, key) };
  return reportPage(await context.gateway.recommend(request, context.scope), key, context);
};
