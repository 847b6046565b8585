import type { MutationResolvers } from '../generated/resolversTypes.js';
import { toItemInputs } from '../input/toItemInputs.js';

export const upsertItems: NonNullable<MutationResolvers['upsertItems']> = async (_root, args, context) => {
  const { ids } = await context.gateway.upsertItems(toItemInputs(args.items));
  return { upsertedCount: ids.length, ids: [...ids] };
};
