import type { Item } from '../../domain/item.js';
import { addWarning } from '../addWarning.js';
import { encodeCursor } from '../cursor.js';
import type { ItemConnectionResolvers } from '../generated/resolversTypes.js';
import type { ResultEdge } from '../resultEdge.js';

export const itemConnectionType = {
  totalCount: (page) => page.total,
  edges: async (page, _args, context) => {
    const items = await Promise.all(page.items.map((ranked) => context.scope.loaders.items.load(ranked.itemId)));
    const edges: ResultEdge[] = [];
    page.items.forEach((ranked, index) => {
      const item: Item | null | undefined = items[index];
      if (item) {
        edges.push({ ranked, position: page.offset + index, item, listKey: page.listKey });
      } else {
        // Deleted between ranking and rendering: leaving it out beats failing the whole list.
        addWarning(context, `item ${ranked.itemId} left the catalog while the request ran and is not in the page`);
      }
    });
    return edges;
  },
  pageInfo: (page) => {
    const end = page.offset + page.items.length;
    return {
      hasNextPage: end < page.total,
      hasPreviousPage: page.offset > 0,
      startCursor: page.items.length > 0 ? encodeCursor(page.offset, page.listKey) : null,
      endCursor: page.items.length > 0 ? encodeCursor(end - 1, page.listKey) : null,
    };
  },
} satisfies ItemConnectionResolvers;
