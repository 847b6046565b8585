import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from '../support/runCli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');

/** Runs `npm run ingest -- ...args` as a user would. */
function ingest(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli('ingest.ts', args, env);
}

describe('npm run ingest', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its usage with --help and exits 0', async () => {
    const run = await ingest(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run ingest -- \[options\] \[FILE\.\.\.\]/);
    expect(run.stdout).toContain('--movielens DIR');
    expect(run.stdout).toContain('Exit codes: 0 done, 1 a bad record with --strict, a file or directory that cannot be read, or\nanother failure, 2 a usage error');
  });

  it('exits 2 on a usage error, naming it', async () => {
    const unknown = await ingest(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown option '--frobnicate'/);
    const nothing = await ingest(['--data-dir', dir]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^nothing to ingest: give --movielens DIR, --items FILE or --events FILE/);
  });

  it('exits 1 with one line, no usage, for a file or directory that is not there', async () => {
    const absent = path.join(dir, 'absent.jsonl');
    const missingFile = await ingest([absent]);
    expect({ code: missingFile.code, stderr: missingFile.stderr }).toEqual({
      code: 1,
      stderr: `ingest: cannot read ${absent}: ENOENT: no such file or directory, open '${absent}'\n`,
    });
    const notMovieLens = await ingest(['--movielens', path.join(dir, 'absent')]);
    expect({ code: notMovieLens.code, stderr: notMovieLens.stderr }).toEqual({ code: 1, stderr: `ingest: --movielens ${path.join(dir, 'absent')} is not a directory\n` });
  });

  it('ingests files told apart by their fields, reports bad lines and exits 0', async () => {
    const items = path.join(fixtures, 'ingestion/items.csv');
    const events = path.join(fixtures, 'ingestion/events.jsonl');
    const run = await ingest(['--data-dir', dir, events, items]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${items}:6: id is required\n`);
    expect(run.stderr).toContain(`${events}:3: value is only allowed on rating events, got 3 on view\n`);
    expect(run.stdout).toMatch(
      /^items: 4 ok \(0 unchanged\), 3 bad \([\d.]+ s, \d+ items\/s\)\nevents: 2 accepted, 0 duplicate, 1 rejected, 0 unknown item \([\d.]+ s, \d+ events\/s\)\ntotal: [\d.]+ s\n$/,
    );
  });

  it('stops at the first bad record with --strict and exits 1', async () => {
    const items = path.join(fixtures, 'ingestion/items.jsonl');
    const run = await ingest(['--data-dir', dir, '--strict', '--items', items]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${items.replace(/[.]/g, '\\.')}:4: not valid JSON: .*\\nstopped at the first bad record \\(--strict\\)`));
    expect(run.stdout).toBe('');
  });
});
