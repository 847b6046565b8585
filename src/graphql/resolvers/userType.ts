import type { Item } from '../../domain/item.js';
import type { UserResolvers } from '../generated/resolversTypes.js';
import { checkFirst } from '../input/toPageWindow.js';
import { LIMITS } from '../input/limits.js';

export const userType = {
  id: (profile) => profile.userId,
  ratingMean: (profile) => (profile.ratingCount > 0 ? profile.ratingSum / profile.ratingCount : null),
  recentItems: async (profile, args, context) => {
    const first = checkFirst(args.first ?? 10, LIMITS.userListSize);
    // A user may have liked the same item twice; the list names each item once, at its latest.
    const ids = [...new Set(profile.recentPositives.map((entry) => entry.itemId))].slice(0, first);
    const items = await Promise.all(ids.map((id) => context.scope.loaders.items.load(id)));
    // Items deleted since the user liked them are left out rather than failing the list.
    return items.filter((item): item is Item => item !== null);
  },
  topCategories: (profile, args) => {
    const first = checkFirst(args.first ?? 5, LIMITS.userListSize);
    return Object.entries(profile.categoryAffinity)
      .sort(([a, wa], [b, wb]) => wb - wa || a.localeCompare(b))
      .slice(0, first)
      .map(([category, weight]) => ({ category, weight }));
  },
} satisfies UserResolvers;
