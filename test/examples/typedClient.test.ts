import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createGatewayClient, GatewayRequestError } from '../../examples/gatewayClient.js';
import { RecordEventsDocument, SearchWithFiltersDocument, SimilarItemsDocument } from '../../examples/generated/graphql.js';
import { runExamples } from '../../examples/runExamples.js';
import { REPO_ROOT, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

describe('the typed example client (GraphQL Code Generator client preset)', () => {
  it('compiles with tsc in strict mode', () => {
    const run = spawnSync(process.execPath, [TSC, '-p', 'examples/tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
  });

  it('has no `any` in the generated operation types (only in the preset’s untyped __meta__ bag)', () => {
    const generated = readFileSync(path.join(REPO_ROOT, 'examples/generated/graphql.ts'), 'utf8').split('\n');
    const anyLines = generated.filter((line) => /(:|<|,|\|)\s*any\b/.test(line));
    expect(anyLines.map((line) => line.trim())).toEqual([
      'public __meta__?: Record<string, any> | undefined;',
      'constructor(value: string, __meta__?: Record<string, any> | undefined) {',
    ]);
  });

  describe('against the real gateway on the MovieLens fixture', () => {
    let gateway: FixtureGateway;
    beforeAll(async () => {
      gateway = await startFixtureGateway({ env: { API_KEYS: 'example-key' } });
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('searches with a filter and gets typed results', async () => {
      const client = createGatewayClient({ url: gateway.server.url });
      const { search } = await client.execute(SearchWithFiltersDocument, {
        query: 'toy story',
        filter: { must: [{ field: 'CATEGORY', match: { value: 'Animation' } }] },
        first: 3,
      });
      expect(search?.edges[0]?.node).toEqual({ id: '1', title: 'Toy Story', year: 1995, categories: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'] });
      expect(search?.edges.every((edge) => edge.node.categories.includes('Animation'))).toBe(true);
    });

    it('runs all four example operations, the click recorded against the search’s requestId', async () => {
      const lines = await runExamples(createGatewayClient({ url: gateway.server.url, apiKey: 'example-key' }));
      expect(lines[0]).toMatch(/^search "toy story" \(Animation, 1990 on\): \d+ matches, requestId \S+$/);
      expect(lines[1]).toMatch(/^ {2}1\. Toy Story \[Adventure, Animation, Children, Comedy, Fantasy\] score \d\.\d{3}$/);
      expect(lines).toContain('similar to item 1:');
      expect(lines.at(-1)).toBe('recordEvents: 1 accepted (ACCEPTED)');
    });

    it('surfaces the server’s error code: a mutation without the API key is UNAUTHENTICATED', async () => {
      const client = createGatewayClient({ url: gateway.server.url });
      const attempt = client.execute(RecordEventsDocument, { events: [{ type: 'VIEW', userId: '1', itemId: '1' }] });
      await expect(attempt).rejects.toBeInstanceOf(GatewayRequestError);
      await expect(attempt).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('follows the persisted-query protocol in persisted mode: the document once with its hash when the server does not know it, then the hash alone', async () => {
      const sent: unknown[] = [];
      const realFetch = globalThis.fetch;
      const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return realFetch(input, init);
      });
      try {
        const client = createGatewayClient({ url: gateway.server.url, persisted: true });
        const variables = { itemId: '1', first: 1 };
        const first = await client.execute(SimilarItemsDocument, variables);
        const second = await client.execute(SimilarItemsDocument, variables);
        expect(first.similarItems?.edges.map((edge) => edge.node.title)).toEqual(['Toy Story 2']);
        expect(second.similarItems?.edges).toEqual(first.similarItems?.edges);
      } finally {
        fetchSpy.mockRestore();
      }
      const persistedDocuments = JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
      const hash = String(SimilarItemsDocument.__meta__?.['hash']).replace(/^sha256:/, '');
      const persistedQuery = { version: 1, sha256Hash: hash };
      expect(sent).toEqual([
        { variables: { itemId: '1', first: 1 }, extensions: { persistedQuery } },
        { query: persistedDocuments[`sha256:${hash}`], variables: { itemId: '1', first: 1 }, extensions: { persistedQuery } },
        { variables: { itemId: '1', first: 1 }, extensions: { persistedQuery } },
      ]);
    });
  });
});
