import type { MutationResolvers } from '../generated/resolversTypes.js';
import { checkCount } from '../input/checkCount.js';
import { LIMITS } from '../input/limits.js';
import { toIds } from '../input/toId.js';

export const deleteItems: NonNullable<MutationResolvers['deleteItems']> = async (_root, args, context) => {
  checkCount(args.ids, LIMITS.deleteIds, 'ids', 'ids');
  const ids = toIds(args.ids, 'ids');
  const { deleted, notFound } = await context.gateway.deleteItems(ids);
  return { deletedIds: [...deleted], notFoundIds: [...notFound] };
};
