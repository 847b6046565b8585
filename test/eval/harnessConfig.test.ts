import { describe, expect, it } from '@jest/globals';
import { harnessConfig } from '../../src/eval/gatewayUnderTest.js';

describe('harnessConfig', () => {
  it('keeps a run on its own data directory even when the shell sets REDIS_URL', () => {
    const config = harnessConfig('/tmp/run', { REDIS_URL: 'redis://127.0.0.1:6379', EMBEDDING_MODEL: 'builtin' });
    expect(config.features.redisUrl).toBeNull();
    expect(config.data.dir).toBe('/tmp/run');
    expect(config.embedding.model).toBe('builtin');
  });
});
