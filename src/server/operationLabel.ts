import type { OperationDefinitionNode } from 'graphql';

/**
 * A metrics label for an operation: its root field (`search`, `recommendations`, …), which
 * the schema bounds, rather than the client-chosen operation name, which nothing bounds.
 * `unknown` when the request never got as far as a valid operation; several root fields are
 * joined in alphabetical order.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'unknown';
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    fields.add(selection.kind === 'Field' ? selection.name.value : 'fragment');
  }
  return [...fields].sort().join('+') || 'unknown';
}
