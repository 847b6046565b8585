import { encodeCursor } from '../cursor.js';
import type { ItemEdgeResolvers } from '../generated/resolversTypes.js';

export const itemEdgeType = {
  cursor: (edge) => encodeCursor(edge.position, edge.listKey),
  node: (edge) => edge.item,
  rank: (edge) => edge.position + 1,
  score: (edge) => edge.ranked.finalScore,
  explanation: (edge) => edge.ranked,
} satisfies ItemEdgeResolvers;
