import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Static limits on an operation's shape, checked during validation before anything runs. The
 * deepest useful operation (search → edges → explanation → retrieval → source) sits well inside
 * them; see test/graphql/armorLimits.test.ts for the example operations that must pass.
 */
export const ARMOR_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 20,
  maxTokens: 5000,
} as const;

/**
 * graphql-armor's rules and plugins for Apollo. Field suggestions ("Did you mean …") are blocked
 * when introspection is off, since they would give the schema away piece by piece.
 */
export function armorProtection(options: { readonly introspection: boolean }) {
  return new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    maxTokens: { n: ARMOR_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: !options.introspection },
  }).protect();
}
