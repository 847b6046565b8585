import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { hasPageSizeError } from './pageSizeRule.js';
import { PAGE_SIZES } from './pageSizes.js';

/** Cost units as graphql-armor counts them, so that limits keep their meaning. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;

/**
 * graphql-armor's cost limit, with one change: a page's size is what the server will serve.
 * Armor multiplies by `first` only when it is a literal, so `first: $n` (or an omitted `first`)
 * cost one result while the resolvers serve up to 100; here a variable costs the field's cap,
 * an omitted `first` its default. Each field costs 2 with a selection (1 without), its
 * children ×1.5 per level, the whole ×`first`; a fragment costs as if written inline, its
 * body counted once per operation.
 */
export function operationCostRule(maxCost: number): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragmentCosts = new Map<string, number>();

    const pageSize = (field: FieldNode): number => {
      const sizes = PAGE_SIZES[field.name.value];
      if (!sizes) return 1;
      const first = field.arguments?.find((argument) => argument.name.value === 'first');
      if (!first) return sizes.byDefault;
      return first.value.kind === Kind.INT ? Number(first.value.value) : sizes.cap;
    };

    const selections = (set: SelectionSetNode | undefined, depth: number): number => {
      let cost = 0;
      for (const selection of set?.selections ?? []) cost += DEPTH_FACTOR * selectionCost(selection, depth + 1);
      return cost;
    };

    const fragmentCost = (name: string, depth: number): number => {
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known;
      fragmentCosts.set(name, 0); // a fragment that spreads itself adds nothing more
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      const cost = fragment ? selections(fragment.selectionSet, depth) : 0;
      fragmentCosts.set(name, cost);
      return cost;
    };

    function selectionCost(node: SelectionNode, depth: number): number {
      if (node.kind === Kind.FRAGMENT_SPREAD) return OBJECT_COST + fragmentCost(node.name.value, depth);
      if (node.kind === Kind.INLINE_FRAGMENT) return OBJECT_COST + selections(node.selectionSet, depth);
      // Introspection is bounded by the schema, not by data: free, as in armor.
      if (node.name.value.startsWith('__')) return 0;
      if (!node.selectionSet) return SCALAR_COST;
      return (OBJECT_COST + selections(node.selectionSet, depth)) * pageSize(node);
    }

    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        let cost = 0;
        for (const selection of operation.selectionSet.selections) cost += selectionCost(selection, 1);
        // A literal `first` over its cap has its own, more precise error (pageSizeRule).
        if (cost > maxCost && !hasPageSizeError(context.getDocument())) {
          context.reportError(new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`));
        }
      },
    };
  };
}
