import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../src/app/openApp.js';
import { FakeQdrantServer } from '../support/qdrant/fakeQdrantServer.js';
import { describeWithQdrantSpec } from '../support/qdrant/describeWithQdrantSpec.js';
import { OpenApiContract } from '../support/qdrant/openApiContract.js';
import { fixtureConfig } from '../support/fixtureGateway.js';

/**
 * What the stores survive reaches the log that main binds to pino: a retried Qdrant call is
 * told through openApp's `log`, never written to stderr as plain text.
 */
describeWithQdrantSpec('openApp\'s log test runs on the fake Qdrant')('openApp log', () => {
  let fake: FakeQdrantServer;
  let app: App;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    fake = await new FakeQdrantServer(OpenApiContract.load()).start();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'open-app-log-'));
    const config = fixtureConfig(dataDir, { QDRANT_URL: fake.url, QDRANT_COLLECTION: `log-${process.pid}`, QDRANT_RETRY_DELAY_MS: '1', SEED_MOVIELENS: 'none' });
    app = await openApp(config, { log: { info: (line) => lines.push(`info: ${line}`), warn: (line) => lines.push(`warn: ${line}`) } });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await fake?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes a retried Qdrant call to the injected log', async () => {
    fake.failNext({ status: 503, operationId: 'count_points' });
    expect(await app.stores.catalog.count()).toBe(0);
    expect(lines).toEqual(['warn: qdrant count failed (attempt 1 of 3, retrying): HTTP 503 Error: Service Unavailable']);
  });
});
