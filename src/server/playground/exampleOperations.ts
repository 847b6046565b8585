import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** examples/operations: the operations the typed client is generated from, and the playground's tabs. */
export const EXAMPLE_OPERATIONS_DIR = fileURLToPath(new URL('../../../examples/operations/', import.meta.url));

export interface ExampleOperation {
  readonly query: string;
  /** The variables of `<name>.variables.json`, as JSON text; absent when there is no such file. */
  readonly variables?: string;
}

/**
 * Every `*.graphql` file of the directory in name order (the files are numbered in the order a
 * newcomer would try them), with the variables of the `*.variables.json` beside it.
 */
export function readExampleOperations(directory: string = EXAMPLE_OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.graphql'.length);
      const variablesFile = path.join(directory, `${name}.variables.json`);
      const query = readFileSync(path.join(directory, file), 'utf8');
      if (!existsSync(variablesFile)) return { query };
      // Parsed and printed again: a broken file fails at start, not in a newcomer's browser.
      const variables = JSON.stringify(JSON.parse(readFileSync(variablesFile, 'utf8')), null, 2);
      return { query, variables };
    });
}
