import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run ingest -- ...args` as a user would, minus npm: tsx on src/cli/ingest.ts. */
function ingest(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'src/cli/ingest.ts'), ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          EMBEDDING_MODEL: 'builtin',
          EMBEDDING_CACHE_DIR: path.join(os.tmpdir(), 'recsys-gateway-test-models'),
          EMBEDDING_ALLOW_DOWNLOADS: 'false',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
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
    expect(run.stdout).toContain('Exit codes: 0 done, 1 a bad record with --strict or a failure, 2 a usage error.');
  });

  it('exits 2 on a usage error, naming it', async () => {
    const unknown = await ingest(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown option '--frobnicate'/);
    const nothing = await ingest(['--data-dir', dir]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^nothing to ingest: give --movielens DIR, --items FILE or --events FILE/);
    const notMovieLens = await ingest(['--movielens', path.join(dir, 'absent')]);
    expect(notMovieLens.code).toBe(2);
    expect(notMovieLens.stderr).toContain('is not a directory');
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
