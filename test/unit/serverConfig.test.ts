import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/loadConfig.js';

const server = (env: Record<string, string>) => loadConfig({ SEED_MOVIELENS: 'none', ...env }, '/srv/gateway').server;

describe('the HTTP layer’s configuration (PLAYGROUND, CORS_ORIGINS, OPERATIONS_ALLOWLIST, LOG_LEVEL)', () => {
  it('has the playground on in development and off in production unless PLAYGROUND says otherwise', () => {
    expect(server({}).playground).toBe(true);
    expect(server({ NODE_ENV: 'production', API_KEYS: 'k' }).playground).toBe(false);
    expect(server({ NODE_ENV: 'production', API_KEYS: 'k', PLAYGROUND: 'true' }).playground).toBe(true);
    expect(server({ PLAYGROUND: 'off' }).playground).toBe(false);
  });

  it('reads CORS origins as a list, none by default', () => {
    expect(server({}).corsOrigins).toEqual([]);
    expect(server({ CORS_ORIGINS: ' https://a.example , https://b.example,' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('anchors the allowlist path at the working directory; none by default', () => {
    expect(server({}).operationsAllowlist).toBeNull();
    expect(server({ OPERATIONS_ALLOWLIST: 'examples/generated/persisted-documents.json' }).operationsAllowlist).toBe('/srv/gateway/examples/generated/persisted-documents.json');
  });

  it('takes pino’s levels, info by default, and names the variable on anything else', () => {
    expect(server({}).logLevel).toBe('info');
    expect(server({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => server({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"');
    expect(() => server({ PLAYGROUND: 'maybe' })).toThrow('PLAYGROUND must be true or false, got "maybe"');
  });
});
