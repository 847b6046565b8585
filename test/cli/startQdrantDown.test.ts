import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../support/fixtureGateway.js';

/** A port nothing listens on: one the system handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm start with Qdrant unreachable', () => {
  it('ends with a fatal line that names the URL and the cause', async () => {
    const port = await closedPort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'start-qdrant-down-'));
    try {
      const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
          ['src/main.ts'],
          {
            cwd: REPO_ROOT,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.env.HOME ?? '',
              PORT: '0',
              DATA_DIR: dataDir,
              SEED_MOVIELENS: 'none',
              EMBEDDING_MODEL: 'builtin',
              EMBEDDING_WORKER: 'false',
              QDRANT_URL: `http://127.0.0.1:${port}`,
              QDRANT_RETRIES: '0',
              REDIS_URL: '',
            },
          },
          (error, stdout) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout }),
        ),
      );
      expect(run.code).toBe(1);
      const fatal = run.stdout.split('\n').filter((line) => line.includes('"level":60')).map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(fatal).toEqual([
        `gateway failed to start: Qdrant at http://127.0.0.1:${port} is unavailable (TypeError: fetch failed (cause: connect ECONNREFUSED 127.0.0.1:${port})): start it or set QDRANT_URL to a running server`,
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
