import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGatewayClient } from '../../examples/gatewayClient.js';
import { SimilarItemsDocument } from '../../examples/generated/graphql.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import { InMemoryGateway } from '../support/inMemoryGateway.js';
import { MOVIES } from '../support/movieCatalog.js';
import { REPO_ROOT } from '../support/fixtureGateway.js';

const MANIFEST = path.join(REPO_ROOT, 'examples/generated/persisted-documents.json');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function serverConfig(env: Record<string, string> = {}) {
  return loadConfig({ HOST: '127.0.0.1', PORT: '0', SEED_MOVIELENS: 'none', LOG_LEVEL: 'silent', ...env }, REPO_ROOT);
}

async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('automatic persisted queries (Apollo APQ) through the HTTP server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await createServer({ config: serverConfig(), gateway: new InMemoryGateway(MOVIES) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('misses an unknown hash, registers the document with its hash, then runs from the hash alone', async () => {
    const query = '{ item(id: "1") { title } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const miss = await post(server.url, { extensions: { persistedQuery } });
    expect([miss.status, miss.body.errors[0].extensions.code]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    expect(await post(server.url, { query, extensions: { persistedQuery } })).toEqual({ status: 200, body: { data: { item: { title: 'Toy Story' } } } });
    expect(await post(server.url, { extensions: { persistedQuery } })).toEqual({ status: 200, body: { data: { item: { title: 'Toy Story' } } } });
  });

  it('refuses a hash that is not the document’s with 400 and PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const answer = await post(server.url, { query: '{ item(id: "1") { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } } });
    expect(answer).toEqual({
      status: 400,
      body: { errors: [{ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }] },
    });
  });

  it('refuses a persisted-query version other than 1 with 400 and PERSISTED_QUERY_UNSUPPORTED_VERSION', async () => {
    const query = '{ item(id: "1") { id } }';
    const answer = await post(server.url, { query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(answer).toEqual({
      status: 400,
      body: { errors: [{ message: 'Unsupported persisted query version', extensions: { code: 'PERSISTED_QUERY_UNSUPPORTED_VERSION' } }] },
    });
  });

  it('counts both refusals under their own codes in /metrics', async () => {
    const metricsUrl = server.url.replace(/\/graphql$/, '/metrics');
    const query = '{ item(id: "2") { id } }';
    await post(server.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } } });
    await post(server.url, { query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    const metrics = await (await fetch(metricsUrl)).text();
    const errorLines = metrics.split('\n').filter((line) => line.startsWith('gateway_graphql_errors_total{'));
    expect(errorLines.filter((line) => line.includes('PERSISTED_QUERY_HASH_MISMATCH'))).toEqual([
      'gateway_graphql_errors_total{operation="unknown",code="PERSISTED_QUERY_HASH_MISMATCH"} 2',
    ]);
    expect(errorLines.filter((line) => line.includes('PERSISTED_QUERY_UNSUPPORTED_VERSION'))).toEqual([
      'gateway_graphql_errors_total{operation="unknown",code="PERSISTED_QUERY_UNSUPPORTED_VERSION"} 2',
    ]);
    expect(errorLines.filter((line) => line.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
  });
});

describe('OPERATIONS_ALLOWLIST: a server locked to the codegen manifest', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await createServer({ config: serverConfig({ OPERATIONS_ALLOWLIST: MANIFEST, API_KEYS: 'key' }), gateway: new InMemoryGateway(MOVIES) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('runs a known operation sent as its hash alone (the typed client’s persisted mode)', async () => {
    const client = createGatewayClient({ url: server.url, persisted: true });
    const { similarItems } = await client.execute(SimilarItemsDocument, { itemId: '1', first: 2 });
    expect(similarItems?.edges.length).toBe(2);
  });

  it('runs a known operation sent as the manifest’s text', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const [key, query] = Object.entries(manifest).find(([, text]) => text.startsWith('query SimilarItems'))!;
    expect(key).toBe(`sha256:${sha256(query)}`);
    const answer = await post(server.url, { query, variables: { itemId: '1', first: 1 } });
    expect([answer.status, answer.body.data.similarItems.edges.length]).toEqual([200, 1]);
  });

  it('refuses any other document with OPERATION_NOT_ALLOWED (403), and does not register it as a persisted query', async () => {
    const query = '{ item(id: "1") { title } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const refused = await post(server.url, { query, extensions: { persistedQuery } });
    expect([refused.status, refused.body.errors[0].extensions.code, refused.body.data]).toEqual([403, 'OPERATION_NOT_ALLOWED', undefined]);
    const hashOnly = await post(server.url, { extensions: { persistedQuery } });
    expect(hashOnly.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const introspection = await post(server.url, { query: '{ __schema { queryType { name } } }' });
    expect([introspection.status, introspection.body.errors[0].extensions.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
    // Refused as unknown before the API key is even looked at.
    const mutation = await post(server.url, { query: 'mutation { deleteItems(ids: ["1"]) { deletedIds } }' });
    expect([mutation.status, mutation.body.errors[0].extensions.code]).toEqual([403, 'OPERATION_NOT_ALLOWED']);
  });

  it('refuses to start on a manifest whose hash is not its document’s, naming the entry', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'allowlist-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ 'sha256:abc': '{ item(id: "1") { id } }' }));
    return expect(createServer({ config: serverConfig({ OPERATIONS_ALLOWLIST: file }), gateway: new InMemoryGateway(MOVIES) })).rejects.toThrow(
      `OPERATIONS_ALLOWLIST: the entry "sha256:abc" in ${file} is not the SHA-256 of its document (that is ${sha256('{ item(id: "1") { id } }')})`,
    );
  });
});
