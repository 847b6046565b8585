import { describe, expect, it } from '@jest/globals';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { REPO_ROOT } from '../support/fixtureGateway.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { QDRANT_SPEC_PATH } from '../support/qdrant/openApiContract.js';

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(REPO_ROOT, 'test/support/qdrant/serveFakeQdrant.ts');

describe('npm run qdrant:fake', () => {
  it('prints its usage with --help and exits 0', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(TSX, [SCRIPT, '--help'], { cwd: REPO_ROOT }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toMatch(/^Usage: npm run qdrant:fake -- \[--port N\] \[--spec PATH\]/);
    expect(stdout).toContain(`here\n                ${QDRANT_SPEC_PATH}`);
  });

  it('exits 1 naming the spec path it was given when that file is missing', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir-fixG', 'openapi.json');
    const run = spawnSync(TSX, [SCRIPT, '--spec', missing], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: `Qdrant's OpenAPI spec not found at ${missing}\n` });
  });
});

describeWithQdrantSpec('the standalone fake Qdrant is not started')('npm run qdrant:fake serving', () => {
  it('serves the fake on a free port until SIGTERM, then reports requests and violations', async () => {
    // The spec given by --spec, from a copy elsewhere, as from a clone outside this machine's layout.
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'qdrant-spec-')), 'openapi.json');
    copyFileSync(QDRANT_SPEC_PATH, copy);
    const child = spawn(TSX, [SCRIPT, '--spec', copy], { cwd: REPO_ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    while (!stdout.includes('\n')) await once(child.stdout, 'data');
    const url = stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await fetch(`${url}/`).then((r) => r.json())).toEqual({ title: 'qdrant - vector search engine (fake)', version: '1.18.0' });
    // A misspelt field: answered 400 and counted as a violation.
    const bad = await fetch(`${url}/collections/x/points/count`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"exakt":true}' });
    expect(bad.status).toBe(400);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(1, 3)).toEqual(['served 2 requests, 1 spec violations', expect.stringContaining('count_points request violates Qdrant\'s spec: / must NOT have additional properties (exakt)')]);
  });
});
