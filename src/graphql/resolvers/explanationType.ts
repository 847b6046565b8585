import type { ExplanationResolvers } from '../generated/resolversTypes.js';

/** The explanation is the ranked item itself: the pipeline's own record of how it got there. */
export const explanationType = {
  retrieval: (ranked) => [...ranked.hits],
  features: (ranked) => [...ranked.contributions],
  rankerScore: (ranked) => ranked.score,
  reranking: (ranked) => [...ranked.rerank],
} satisfies ExplanationResolvers;
