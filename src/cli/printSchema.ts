/**
 * Prints the API's schema as SDL.
 *
 *   npm run schema:print -- [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { printedSchema } from '../graphql/printedSchema.js';

const USAGE = `Usage: npm run schema:print -- [--out FILE] [--help]

Prints the GraphQL schema of schema/*.graphql as one SDL document, with every description:
what client code generators and the playground read.

  --out FILE   write it to FILE instead of stdout; publishing a release is
               npm run schema:print -- --out published/schema.graphql
               (npm run schema:check compares the schema with that copy)`;

function main(): number {
  let values: { out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sdl = printedSchema();
  if (values.out) {
    writeFileSync(values.out, sdl);
    process.stderr.write(`wrote ${values.out}\n`);
  } else {
    process.stdout.write(sdl);
  }
  return 0;
}

process.exitCode = main();
