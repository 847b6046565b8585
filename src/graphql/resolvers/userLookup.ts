import type { QueryResolvers } from '../generated/resolversTypes.js';

export const userLookup: NonNullable<QueryResolvers['user']> = async (_root, args, context) =>
  context.scope.loaders.userProfiles.load(args.id);
