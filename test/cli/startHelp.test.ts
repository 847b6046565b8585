import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../support/fixtureGateway.js';

/** The backticked variable names of the first column of the README table under `heading`. */
function tableVariables(readme: string, heading: string): string[] {
  const section = readme.slice(readme.indexOf(heading));
  const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|') + 1));
  const firstCells = table.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[1] ?? '');
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*\*?)`/g)].map((match) => match[1]!));
}

describe('npm start -- --help', () => {
  it('lists every variable of README’s configuration table (and of its embedding table, for EMBEDDING_*)', async () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const configuration = tableVariables(readme, '## Configuration');
    const embedding = tableVariables(readme, '## Embeddings');
    // The configuration table names the embedding family as EMBEDDING_*; its own table lists them.
    expect(configuration).toContain('EMBEDDING_*');
    expect(configuration.length).toBeGreaterThan(30);
    expect(embedding).toEqual(expect.arrayContaining(['EMBEDDING_MODEL', 'EMBEDDING_WORKER']));
    const help = await new Promise<string>((resolve, reject) =>
      execFile(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['src/main.ts', '--help'], { cwd: REPO_ROOT }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    const missing = [...configuration.filter((name) => name !== 'EMBEDDING_*'), ...embedding].filter((name) => !new RegExp(`\\b${name}\\b`).test(help));
    expect(missing).toEqual([]);
  });
});
