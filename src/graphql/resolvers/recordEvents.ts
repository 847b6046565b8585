import type { MutationResolvers } from '../generated/resolversTypes.js';
import { toEventInputs } from '../input/toEventInputs.js';

export const recordEvents: NonNullable<MutationResolvers['recordEvents']> = async (_root, args, context) => {
  const results = await context.gateway.recordEvents(toEventInputs(args.events));
  return { acceptedCount: results.filter((result) => result.status === 'accepted').length, results };
};
