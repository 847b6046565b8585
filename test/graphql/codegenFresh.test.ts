import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CODEGEN = fileURLToPath(new URL('../../node_modules/@graphql-codegen/cli/esm/bin.js', import.meta.url));

describe('generated resolver types', () => {
  it('match the SDL: `npm run codegen` leaves src/graphql/generated/resolversTypes.ts unchanged', () => {
    // --check generates in memory and compares with the committed file, writing nothing.
    const run = spawnSync(process.execPath, [CODEGEN, '--config', 'codegen.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, stale: output.includes('stale files') }).toEqual({ status: 0, stale: false });
  });
});
