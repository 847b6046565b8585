import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/loadConfig.js';

describe('embedding configuration', () => {
  it('defaults to all-MiniLM-L6-v2 in a worker thread, cached under the working directory', () => {
    expect(loadConfig({}, '/srv/app').embedding).toEqual({
      model: 'Xenova/all-MiniLM-L6-v2',
      cacheDir: '/srv/app/.cache/models',
      allowDownloads: true,
      quantized: true,
      batchSize: 32,
      maxLength: 256,
      builtinDimension: 384,
      cacheSize: 2000,
      queueWindowMs: 2,
      queueMaxBatch: 32,
      worker: true,
    });
  });

  it('runs the builtin model in the main thread unless told otherwise', () => {
    expect(loadConfig({ EMBEDDING_MODEL: 'builtin' }, '/').embedding.worker).toBe(false);
    expect(loadConfig({ EMBEDDING_MODEL: 'builtin', EMBEDDING_WORKER: 'true' }, '/').embedding.worker).toBe(true);
    expect(loadConfig({ EMBEDDING_WORKER: 'off' }, '/').embedding.worker).toBe(false);
    expect(() => loadConfig({ EMBEDDING_WORKER: 'sometimes' }, '/')).toThrow(new ConfigError('EMBEDDING_WORKER must be auto, true or false, got "sometimes"'));
  });

  it('anchors a relative model directory at the working directory and keeps hub ids as they are', () => {
    expect(loadConfig({ EMBEDDING_MODEL: './models/mine' }, '/srv/app').embedding.model).toBe('/srv/app/models/mine');
    expect(loadConfig({ EMBEDDING_MODEL: '/opt/models/mine' }, '/srv/app').embedding.model).toBe('/opt/models/mine');
    expect(loadConfig({ EMBEDDING_MODEL: 'Xenova/bge-small-en-v1.5' }, '/srv/app').embedding.model).toBe('Xenova/bge-small-en-v1.5');
  });
});
