import type { QueryResolvers } from '../generated/resolversTypes.js';
import { checkCount } from '../input/checkCount.js';
import { toId, toIds } from '../input/toId.js';
import { LIMITS } from '../input/limits.js';

/** `item` and `items`: through the request's loader, so every item of one request is one catalog call. */
export const itemLookups = {
  item: async (_root, args, context) => context.scope.loaders.items.load(toId(args.id, 'id')),
  items: async (_root, args, context) => {
    checkCount(args.ids, LIMITS.lookupIds, 'ids', 'ids');
    return Promise.all(toIds(args.ids, 'ids').map((id) => context.scope.loaders.items.load(id)));
  },
} satisfies QueryResolvers;
