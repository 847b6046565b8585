import { GraphQLError, Kind, visit, type ArgumentNode, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { checkFirst } from './input/toPageWindow.js';
import { PAGE_SIZES } from './pageSizes.js';

/** The literal `first` of a capped field, with its cap; null when the field has none. */
function literalFirst(field: { readonly name: { readonly value: string }; readonly arguments?: readonly ArgumentNode[] }) {
  const cap = PAGE_SIZES[field.name.value]?.cap;
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  return cap === undefined || first?.value.kind !== Kind.INT ? null : { node: first, value: Number(first.value.value), cap };
}

/**
 * A literal `first` out of range is refused while validating, as the BAD_USER_INPUT the
 * resolvers would throw (the error formatter shows its code and argument), so that
 * `first: 100000` is reported as the bad argument it is, not as a query too costly.
 */
export function pageSizeRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const first = literalFirst(node);
      if (!first) return;
      try {
        checkFirst(first.value, first.cap);
      } catch (error) {
        context.reportError(new GraphQLError((error as Error).message, { nodes: first.node, originalError: error as Error }));
      }
    },
  };
}

/** Whether pageSizeRule refuses something in this document (the cost limit then stays quiet). */
export function hasPageSizeError(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      const first = literalFirst(node);
      if (first && (first.value < 1 || first.value > first.cap)) found = true;
    },
  });
  return found;
}
