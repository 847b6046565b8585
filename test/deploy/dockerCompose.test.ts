import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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
    expect(Object.keys(compose.volumes)).toEqual(['gateway-data', 'model-cache']);
    expect(gateway.healthcheck.test.join(' ')).toContain('/health');
    expect(gateway.environment).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/data', EMBEDDING_CACHE_DIR: '/models' });
    expect(gateway.environment.API_KEYS).toMatch(/^\$\{API_KEYS:\?/);
  });

  it('runs as a non-root user from a multi-stage build that starts the composition root', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('CMD ["node_modules/.bin/tsx", "src/main.ts"]');
  });
});
