import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { compareWithPublished, parseAcknowledgements } from '../../src/graphql/breakingChanges.js';
import { currentSchema, printedSchema } from '../../src/graphql/printedSchema.js';
import { REPO_ROOT } from '../support/fixtureGateway.js';

const PUBLISHED = path.join(REPO_ROOT, 'published/schema.graphql');
const ACKNOWLEDGED = path.join(REPO_ROOT, 'published/acknowledged-breaking-changes.json');
const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

describe('schema compatibility with the published schema', () => {
  it('has no unacknowledged breaking change against published/schema.graphql (additions pass)', async () => {
    const acknowledgements = parseAcknowledgements(readFileSync(ACKNOWLEDGED, 'utf8'), ACKNOWLEDGED);
    const result = await compareWithPublished(buildSchema(readFileSync(PUBLISHED, 'utf8')), currentSchema(), acknowledgements);
    expect(result.unacknowledged).toEqual([]);
  });

  it('sorts changes: a removal and a type change break, an addition is safe, a new enum value is dangerous', async () => {
    const published = buildSchema('type Query { a: Int, b: String, kind: Kind }  enum Kind { X }');
    const current = buildSchema('type Query { a: String, c: Int, kind: Kind }  enum Kind { X Y }');
    expect(await compareWithPublished(published, current, [])).toEqual({
      unacknowledged: ["Field 'b' was removed from object type 'Query'", "Field 'Query.a' changed type from 'Int' to 'String'"],
      acknowledged: [],
      dangerous: ["Enum value 'Y' was added to enum 'Kind'"],
      safe: ["Field 'c' was added to object type 'Query'"],
    });
    const acknowledged = await compareWithPublished(published, current, [{ change: "Field 'b' was removed from object type 'Query'", reason: 'no client used it' }]);
    expect([acknowledged.unacknowledged, acknowledged.acknowledged]).toEqual([
      ["Field 'Query.a' changed type from 'Int' to 'String'"],
      ["Field 'b' was removed from object type 'Query'"],
    ]);
  });

  it('wants a reason for every acknowledged change', () => {
    expect(() => parseAcknowledgements('[{ "change": "Field \'b\' was removed from object type \'Query\'" }]', 'ack.json')).toThrow(
      `ack.json[0] must be { "change": "<the check's message>", "reason": "<why it is acceptable>" }, got {"change":"Field 'b' was removed from object type 'Query'"}`,
    );
  });

  it('npm run schema:check exits 1 and names the change when a published field is gone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-check-'));
    const published = path.join(dir, 'published.graphql');
    // The published schema had a field the current one lacks: a removal, as a client sees it.
    writeFileSync(published, printedSchema().replace('type Item {', 'type Item {\n  legacyScore: Float\n'));
    const acknowledged = path.join(dir, 'acknowledged.json');
    writeFileSync(acknowledged, '[]');
    const check = (file: string) =>
      spawnSync(process.execPath, [TSX, 'src/cli/checkSchema.ts', '--published', published, '--acknowledged', file], { cwd: REPO_ROOT, encoding: 'utf8' });
    const run = check(acknowledged);
    expect({ status: run.status, stdout: run.stdout }).toEqual({
      status: 1,
      stdout:
        "BREAKING changes, not acknowledged:\n  - Field 'legacyScore' was removed from object type 'Item'\n\n" +
        `schema check failed: restore compatibility, or add each change to ${acknowledged} with a reason\n`,
    });
    // A file named with --acknowledged that is not there is refused, not read as "nothing acknowledged".
    const typo = check(path.join(dir, 'acknowleged.json'));
    expect({ status: typo.status, stdout: typo.stdout, stderr: typo.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `--acknowledged ${path.join(dir, 'acknowleged.json')}: no such file\n`,
    });
  });
});
