import type { QueryResolvers } from '../generated/resolversTypes.js';
import { toId } from '../input/toId.js';

export const userLookup: NonNullable<QueryResolvers['user']> = async (_root, args, context) =>
  context.scope.loaders.userProfiles.load(toId(args.id, 'id'));
