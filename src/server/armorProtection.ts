import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * Static limits on an operation's shape, checked before anything runs; the example operations
 * in test/graphql/armorLimits.test.ts must pass them.
 * - Depth: the schema has no cycles, so plain selections stop at 5 levels (search → edges →
 *   explanation → retrieval → source); fragments count a level each, and 8 leaves room for
 *   clients that build operations from nested fragments while stopping fragment towers.
 * - Cost (operationCostRule, in armor's units: objects 2, scalars 1, ×1.5 per level, × the
 *   page size, a variable `first` counting as the cap): one edge with every field,
 *   explanation included, costs about 182, so one page of 100 such edges (about 18,240)
 *   passes and two do not.
 * - Tokens: batches belong in variables, which are not counted.
 */
export const ARMOR_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 20_000,
  maxDirectives: 20,
  maxTokens: 10_000,
} as const;

/**
 * Armor words every refusal "Syntax Error: …", which misleads a caller whose query parsed
 * fine, and throws it; reported here instead, without the prefix, as a validation error.
 */
type RejectCallback = (context: ValidationContext | null, error: GraphQLError) => void;

const report: RejectCallback = (context, error) => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};

const reported = { propagateOnRejection: false, onReject: [report] };

/**
 * graphql-armor's validation rules and plugins for Apollo. The token limit is not armor's:
 * its Apollo plugin throws from `parsingDidStart`, which Apollo treats as a crash (HTTP 500,
 * and a rejected executeOperation); graphql-js's own `maxTokens` parse option, set in
 * createApolloServer, gives the caller a GRAPHQL_PARSE_FAILED 400 instead. Field suggestions
 * ("Did you mean …") are blocked when introspection is off, since they give the schema away.
 */
export function armorProtection(options: { readonly introspection: boolean }) {
  return new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ...reported },
    maxAliases: { n: ARMOR_LIMITS.maxAliases, ...reported },
    // Cost is ours (operationCostRule): armor's counts a variable `first` as one result.
    costLimit: { enabled: false },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives, ...reported },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !options.introspection },
  }).protect();
}
