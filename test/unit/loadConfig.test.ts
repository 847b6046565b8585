import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/loadConfig.js';

describe('loadConfig', () => {
  it('applies defaults relative to the working directory', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.server.port).toBe(4000);
    expect(config.data.dir).toBe('/srv/app/data');
    expect(config.data.seedMovieLens).toBe('/srv/shared/data/ml-latest-small');
    expect(config.embedding.model).toBe('Xenova/all-MiniLM-L6-v2');
    expect(config.server.apiKeys).toEqual([]);
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, '/')).toThrow(new ConfigError('PORT must be an integer from 0 to 65535, got "eighty"'));
    expect(() => loadConfig({ EMBEDDING_QUANTIZED: 'maybe' }, '/')).toThrow('EMBEDDING_QUANTIZED must be true or false, got "maybe"');
  });

  it('refuses production without API keys', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, '/')).toThrow(/requires API_KEYS/);
    expect(loadConfig({ NODE_ENV: 'production', API_KEYS: 'a, b' }, '/').server.apiKeys).toEqual(['a', 'b']);
  });

  it('keeps features embedded unless REDIS_URL is set, and checks the Redis settings', () => {
    expect(loadConfig({}, '/').features).toEqual({
      redisUrl: null,
      redisKeyPrefix: 'recsys:',
      redisCommandTimeoutMs: 1000,
      userTtlDays: 180,
      impressionSampleRate: 0.01,
      impressionTtlDays: 30,
    });
    expect(() => loadConfig({ IMPRESSION_SAMPLE_RATE: '2' }, '/')).toThrow('IMPRESSION_SAMPLE_RATE must be a number from 0 to 1, got "2"');
    const redis = loadConfig({ REDIS_URL: 'redis://cache:6379/2', REDIS_KEY_PREFIX: 'shop:', FEATURE_USER_TTL_DAYS: '0' }, '/').features;
    expect([redis.redisUrl, redis.redisKeyPrefix, redis.userTtlDays]).toEqual(['redis://cache:6379/2', 'shop:', 0]);
    expect(() => loadConfig({ REDIS_URL: 'cache:6379' }, '/')).toThrow('REDIS_URL must be a redis:// or rediss:// URL, got "cache:6379"');
    expect(() => loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '-1' }, '/')).toThrow('REDIS_COMMAND_TIMEOUT_MS must be an integer from 0 to 60000, got "-1"');
  });

  it('is in embedded mode without QDRANT_URL, and reads the service-mode settings with it', () => {
    expect(loadConfig({}, '/').qdrant).toBeNull();
    expect(loadConfig({ QDRANT_URL: 'http://qdrant:6333' }, '/').qdrant).toEqual({
      url: 'http://qdrant:6333',
      apiKey: null,
      collection: 'items',
      timeoutMs: 5000,
      readBudgetMs: 3000,
      retries: 2,
      retryBaseDelayMs: 100,
      hnswM: 16,
      hnswEfConstruct: 100,
      onDisk: false,
      quantization: 'none',
      infoTtlMs: 5000,
    });
    const tuned = loadConfig(
      { QDRANT_URL: 'https://q.example:6333', QDRANT_API_KEY: 'secret', QDRANT_COLLECTION: 'films_v2', QDRANT_QUANTIZATION: 'Binary', QDRANT_ON_DISK: 'yes', QDRANT_RETRIES: '0', QDRANT_INFO_TTL_MS: '0' },
      '/',
    ).qdrant;
    expect(tuned).toMatchObject({ apiKey: 'secret', collection: 'films_v2', quantization: 'binary', onDisk: true, retries: 0, infoTtlMs: 0 });
  });

  it('names the QDRANT_ variable when a value is invalid', () => {
    expect(() => loadConfig({ QDRANT_URL: 'qdrant:6333' }, '/')).toThrow(new ConfigError('QDRANT_URL must be an http(s) URL such as http://qdrant:6333, got "qdrant:6333"'));
    expect(() => loadConfig({ QDRANT_URL: 'http://q:6333', QDRANT_COLLECTION: 'a/b' }, '/')).toThrow('QDRANT_COLLECTION must be letters, digits, _ or -, got "a/b"');
    expect(() => loadConfig({ QDRANT_URL: 'http://q:6333', QDRANT_QUANTIZATION: 'pq' }, '/')).toThrow('QDRANT_QUANTIZATION must be one of none, scalar, binary, got "pq"');
    expect(() => loadConfig({ QDRANT_URL: 'http://q:6333', QDRANT_TIMEOUT_MS: '10' }, '/')).toThrow('QDRANT_TIMEOUT_MS must be an integer from 100 to 600000, got "10"');
    expect(() => loadConfig({ QDRANT_URL: 'http://q:6333', QDRANT_INFO_TTL_MS: '-1' }, '/')).toThrow('QDRANT_INFO_TTL_MS must be an integer from 0 to 600000, got "-1"');
  });

  it('checks every QDRANT_ value whenever it is set, also in embedded mode', () => {
    expect(() => loadConfig({ QDRANT_QUANTIZATION: 'pq' }, '/')).toThrow(new ConfigError('QDRANT_QUANTIZATION must be one of none, scalar, binary, got "pq"'));
    expect(() => loadConfig({ QDRANT_COLLECTION: 'a/b' }, '/')).toThrow('QDRANT_COLLECTION must be letters, digits, _ or -, got "a/b"');
    expect(() => loadConfig({ QDRANT_TIMEOUT_MS: 'soon' }, '/')).toThrow('QDRANT_TIMEOUT_MS must be an integer from 100 to 600000, got "soon"');
    expect(() => loadConfig({ QDRANT_RETRIES: '11' }, '/')).toThrow('QDRANT_RETRIES must be an integer from 0 to 10, got "11"');
    expect(() => loadConfig({ QDRANT_ON_DISK: 'sometimes' }, '/')).toThrow('QDRANT_ON_DISK must be true or false, got "sometimes"');
    expect(loadConfig({ QDRANT_QUANTIZATION: 'scalar', QDRANT_HNSW_M: '32' }, '/').qdrant).toBeNull();
  });
});
