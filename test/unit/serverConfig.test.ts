import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/loadConfig.js';

const server = (env: Record<string, string>) => loadConfig({ SEED_MOVIELENS: 'none', ...env }, '/srv/gateway').server;

describe('the HTTP layer’s configuration (PLAYGROUND, CORS_ORIGINS, OPERATIONS_ALLOWLIST, LOG_LEVEL)', () => {
  it('has the playground on in development and off in production unless PLAYGROUND says otherwise', () => {
    expect(server({}).playground).toBe(true);
    expect(server({ NODE_ENV: 'production', API_KEYS: 'k' }).playground).toBe(false);
    expect(server({ NODE_ENV: 'production', API_KEYS: 'k', GRAPHQL_INTROSPECTION: 'true', PLAYGROUND: 'true' }).playground).toBe(true);
    expect(server({ PLAYGROUND: 'off' }).playground).toBe(false);
  });

  it('has the playground off by default where it cannot work (an allowlist, or introspection off), and refuses to be asked for it there', () => {
    expect(server({ OPERATIONS_ALLOWLIST: 'manifest.json' }).playground).toBe(false);
    expect(server({ GRAPHQL_INTROSPECTION: 'false' }).playground).toBe(false);
    expect(() => server({ OPERATIONS_ALLOWLIST: 'manifest.json', PLAYGROUND: 'true' })).toThrow(
      new ConfigError(
        'PLAYGROUND=true cannot work because OPERATIONS_ALLOWLIST is set: the playground needs introspection and runs documents no allowlist holds; unset PLAYGROUND or set it to false',
      ),
    );
    expect(() => server({ NODE_ENV: 'production', API_KEYS: 'k', PLAYGROUND: 'true' })).toThrow('PLAYGROUND=true cannot work because GRAPHQL_INTROSPECTION is off');
  });

  it('reads CORS origins as a list, none by default', () => {
    expect(server({}).corsOrigins).toEqual([]);
    expect(server({ CORS_ORIGINS: ' https://a.example , https://b.example,' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(server({ CORS_ORIGINS: 'http://localhost:5173,*' }).corsOrigins).toEqual(['http://localhost:5173', '*']);
  });

  it('refuses CORS origins that are not scheme://host[:port] or *', () => {
    const refusal = (entry: string, hint = '') =>
      `CORS_ORIGINS entries must be origins such as https://app.example.com (scheme://host[:port], no path) or *, got "${entry}"${hint}`;
    expect(() => server({ CORS_ORIGINS: 'not a url' })).toThrow(new ConfigError(refusal('not a url')));
    expect(() => server({ CORS_ORIGINS: 'https://a.example,app.example.com' })).toThrow(new ConfigError(refusal('app.example.com')));
    expect(() => server({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(new ConfigError(refusal('https://app.example.com/', ' (did you mean "https://app.example.com"?)')));
    expect(() => server({ CORS_ORIGINS: 'https://app.example.com/admin' })).toThrow(refusal('https://app.example.com/admin', ' (did you mean "https://app.example.com"?)'));
    expect(() => server({ CORS_ORIGINS: 'https://App.Example.com' })).toThrow('(did you mean "https://app.example.com"?)');
    expect(() => server({ CORS_ORIGINS: 'ftp://files.example.com' })).toThrow(new ConfigError(refusal('ftp://files.example.com')));
  });

  it('refuses API_KEYS that hold no key, and treats an empty value as unset', () => {
    expect(() => server({ API_KEYS: ',' })).toThrow(
      new ConfigError('API_KEYS must hold at least one key (comma-separated), got ","; leave it unset to keep mutations open'),
    );
    expect(() => server({ API_KEYS: ' , ,' })).toThrow('API_KEYS must hold at least one key');
    expect(server({ API_KEYS: '' }).apiKeys).toEqual([]);
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
