/**
 * Fails on a breaking change of the schema against the published copy, unless acknowledged.
 *
 *   npm run schema:check -- [--published FILE] [--acknowledged FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { compareWithPublished, parseAcknowledgements } from '../graphql/breakingChanges.js';
import { currentSchema } from '../graphql/printedSchema.js';
import { runCommand } from './runCommand.js';

const PUBLISHED_SCHEMA = 'published/schema.graphql';
const ACKNOWLEDGED_CHANGES = 'published/acknowledged-breaking-changes.json';

const USAGE = `Usage: npm run schema:check -- [--published FILE] [--acknowledged FILE] [--help]

Compares the schema of schema/*.graphql with the published one (graphql-inspector) and
exits 1 when a change could break a client generated from the published schema (a removed
field, a type changed, a new required argument, ...), unless that change is acknowledged.
Additions pass. Dangerous changes (a new enum value, a changed default) are printed.

  --published FILE     the published SDL (default ${PUBLISHED_SCHEMA})
  --acknowledged FILE  breaking changes decided on: a JSON array of
                       { "change": "<message printed here>", "reason": "<why>" }
                       (default ${ACKNOWLEDGED_CHANGES}, which may be absent;
                       a file given here must exist: exit 2 otherwise)

After a release: npm run schema:print -- --out ${PUBLISHED_SCHEMA}, and empty the
acknowledgements.`;

async function main(): Promise<number> {
  let values: { published?: string; acknowledged?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { published: { type: 'string' }, acknowledged: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const publishedFile = values.published ?? PUBLISHED_SCHEMA;
  const acknowledgedFile = values.acknowledged ?? ACKNOWLEDGED_CHANGES;
  // Only the default may be absent (nothing acknowledged yet): a file named on the command line
  // that is not there is a typo, and reading it as "nothing acknowledged" would hide it.
  if (values.acknowledged !== undefined && !existsSync(acknowledgedFile)) {
    process.stderr.write(`--acknowledged ${acknowledgedFile}: no such file\n`);
    return 2;
  }
  const acknowledgements = existsSync(acknowledgedFile) ? parseAcknowledgements(readFileSync(acknowledgedFile, 'utf8'), acknowledgedFile) : [];
  const result = await compareWithPublished(buildSchema(readFileSync(publishedFile, 'utf8')), currentSchema(), acknowledgements);
  const print = (title: string, messages: readonly string[]) => {
    if (messages.length > 0) process.stdout.write(`${title}:\n${messages.map((message) => `  - ${message}\n`).join('')}`);
  };
  print('safe changes', result.safe);
  print('dangerous changes (clients keep working; check what they do with them)', result.dangerous);
  print(`acknowledged breaking changes (${acknowledgedFile})`, result.acknowledged);
  print('BREAKING changes, not acknowledged', result.unacknowledged);
  if (result.unacknowledged.length > 0) {
    process.stdout.write(`\nschema check failed: restore compatibility, or add each change to ${acknowledgedFile} with a reason\n`);
    return 1;
  }
  process.stdout.write(`schema check passed against ${publishedFile}\n`);
  return 0;
}

runCommand(main, { label: 'schema check failed to run', failureCode: 2 });
