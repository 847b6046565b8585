import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root for (a `subscription` here). graphql
 * 16 lets it through validation and fails it at execution with an error that carries no
 * code, which Apollo reports as INTERNAL_SERVER_ERROR; it is the caller's mistake, so it
 * belongs with the other validation failures (graphql 17 ships this rule).
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation.`, { nodes: node }),
        );
      }
    },
  };
}
