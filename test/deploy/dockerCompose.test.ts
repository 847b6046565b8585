import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compareVersions } from '../../src/adapters/qdrant/compareVersions.js';
import { MIN_SERVER_VERSION } from '../../src/adapters/qdrant/ensureCollection.js';
import { REPO_ROOT } from '../support/fixtureGateway.js';


// No docker engine runs on these machines, so the deployment files are checked statically.
describe('docker-compose.yml and the Dockerfile', () => {
  const compose = parse(readFileSync(`${REPO_ROOT}/docker-compose.yml`, 'utf8'));
  const dockerfile = readFileSync(`${REPO_ROOT}/Dockerfile`, 'utf8');

  it('builds the gateway from the Dockerfile, with its port, volumes and health check', () => {
    const gateway = compose.services.gateway;
    expect(gateway.build).toBe('.');
    expect(gateway.ports).toEqual(['4000:4000']);
    expect(gateway.volumes.slice(0, 2)).toEqual(['gateway-data:/data', 'model-cache:/models']);
    expect(Object.keys(compose.volumes)).toEqual(['gateway-data', 'model-cache', 'qdrant-storage', 'redis-data']);
    expect(gateway.healthcheck.test.join(' ')).toContain('/health');
    expect(gateway.environment).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/data', EMBEDDING_CACHE_DIR: '/models' });
    expect(gateway.environment.API_KEYS).toMatch(/^\$\{API_KEYS:\?/);
  });

  it('runs Qdrant at a version the client supports and the adapter accepts, with storage and a readiness check', () => {
    const qdrant = compose.services.qdrant;
    const pinned = /^qdrant\/qdrant:v(\d+\.\d+\.\d+)$/.exec(qdrant.image);
    expect(pinned).not.toBeNull();
    const clientVersion = JSON.parse(readFileSync(`${REPO_ROOT}/node_modules/@qdrant/js-client-rest/package.json`, 'utf8')).version as string;
    // The client speaks to servers of its own minor version; the adapter refuses anything older than MIN_SERVER_VERSION.
    expect(pinned![1]!.split('.').slice(0, 2)).toEqual(clientVersion.split('.').slice(0, 2));
    expect(compareVersions(pinned![1]!, MIN_SERVER_VERSION)).toBeGreaterThanOrEqual(0);
    expect(qdrant.ports).toEqual(['6333:6333']);
    expect(qdrant.volumes).toEqual(['qdrant-storage:/qdrant/storage']);
    expect(qdrant.healthcheck.test.join(' ')).toContain('/readyz');
  });

  it('runs Redis with a persistent volume and a ping health check', () => {
    const redis = compose.services.redis;
    expect(redis.image).toMatch(/^redis:\d+\.\d+/);
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(redis.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('points the gateway at the other services, and starts it once they are healthy', () => {
    const gateway = compose.services.gateway;
    expect(gateway.environment).toMatchObject({ QDRANT_URL: 'http://qdrant:6333', REDIS_URL: 'redis://redis:6379' });
    expect(gateway.depends_on).toEqual({ qdrant: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    // Every variable the gateway is given is one that loadConfig reads (or the Redis store will).
    const config = readFileSync(`${REPO_ROOT}/src/config/loadConfig.ts`, 'utf8');
    for (const name of Object.keys(gateway.environment)) expect([name, config.includes(`'${name}'`)]).toEqual([name, true]);
  });

  it('runs as a non-root user from a multi-stage build that starts the composition root', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('CMD ["node_modules/.bin/tsx", "src/main.ts"]');
  });
});
