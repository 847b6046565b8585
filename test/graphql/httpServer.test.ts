import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import { InMemoryGateway } from '../support/inMemoryGateway.js';
import { MOVIES, TOY_STORY_STATS, USER_7 } from '../support/movieCatalog.js';
import { RecordingLogger } from '../support/recordingLogger.js';
import { testConfig } from '../support/testConfig.js';

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

describe('HTTP server', () => {
  let server: RunningServer;
  let gateway: InMemoryGateway;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    gateway = new InMemoryGateway(MOVIES, { stats: [TOY_STORY_STATS], profiles: [USER_7] });
    server = await createServer({
      config: testConfig({ apiKeys: ['key-one', 'key-two'] }),
      gateway,
      logger,
      countItems: async () => gateway.items.size,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  const GOOD = { query: '{ item(id: "1") { id title } }' };
  const GOOD_ANSWER = { status: 200, body: { data: { item: { id: '1', title: 'Toy Story' } } } };
  const answered = async (body: unknown, headers?: Record<string, string>) => {
    const { status, body: json } = await post(body, headers);
    return { status, body: json };
  };

  it('listens on the port the system chose and says where', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/graphql`);
  });

  it('reports health with the catalog size', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', itemCount: 9, backends: { catalog: 'ok' } });
  });

  it('answers malformed GraphQL with 400 GRAPHQL_PARSE_FAILED, then answers the next good query', async () => {
    expect(await answered({ query: '{ search(query: "toy" { totalCount } }' })).toEqual({
      status: 400,
      body: {
        errors: [
          { message: 'Syntax Error: Expected Name, found "{".', locations: [{ line: 1, column: 23 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
        ],
      },
    });
    expect(await answered(GOOD)).toEqual(GOOD_ANSWER);
  });

  it('answers wrong types with 400: validation for literals, BAD_USER_INPUT for variables', async () => {
    const literal = await answered({ query: '{ search(query: 42) { totalCount } }' });
    expect(literal).toEqual({
      status: 400,
      body: {
        errors: [
          { message: 'String cannot represent a non string value: 42', locations: [{ line: 1, column: 17 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ],
      },
    });
    const variable = await answered({ query: 'query ($n: Int) { search(query: "x", first: $n) { totalCount } }', variables: { n: 'many' } });
    expect(variable.status).toBe(400);
    expect(variable.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(variable.body.errors[0].message).toBe('Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"');
  });

  it('refuses first: 1000 with BAD_USER_INPUT naming first, as a literal (validation) or a variable (resolver)', async () => {
    const message = '`first` must be at most 100 (results are capped at 100 per page), got 1000';
    expect(await answered({ query: '{ search(query: "toy", first: 1000) { totalCount } }' })).toEqual({
      status: 400,
      body: { errors: [{ message, locations: [{ line: 1, column: 24 }], extensions: { argument: 'first', code: 'BAD_USER_INPUT' } }] },
    });
    expect(await answered({ query: 'query ($n: Int) { search(query: "toy", first: $n) { totalCount } }', variables: { n: 1000 } })).toEqual({
      status: 200,
      body: {
        data: { search: null },
        errors: [{ message, locations: [{ line: 1, column: 19 }], path: ['search'], extensions: { argument: 'first', code: 'BAD_USER_INPUT' } }],
      },
    });
  });

  it('refuses a bad cursor, naming after', async () => {
    const { body } = await answered({ query: '{ search(query: "toy", after: "zzz") { totalCount } }' });
    expect(body.errors[0].extensions).toEqual({ argument: 'after', code: 'BAD_USER_INPUT' });
  });

  it('refuses operations over the depth and alias limits with 400', async () => {
    const deep = `{ search(query: "toy") { edges { node { ${'... on Item { '.repeat(5)}id${' }'.repeat(5)} } } } }`;
    expect(await answered({ query: deep })).toEqual({
      status: 400,
      body: { errors: [{ message: 'Query depth limit of 8 exceeded, found 9.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: item(id: "1") { id }`).join(' ')} }`;
    expect(await answered({ query: aliases })).toEqual({
      status: 400,
      body: { errors: [{ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
  });

  it('answers null for an unknown item', async () => {
    expect(await answered({ query: '{ item(id: "nope") { id } }' })).toEqual({ status: 200, body: { data: { item: null } } });
  });

  describe('mutations with API keys configured', () => {
    const UPSERT = { query: 'mutation { upsertItems(items: [{ id: "http-1", title: "Coco" }]) { upsertedCount ids } }' };

    it('refuses a mutation without a key: 401 UNAUTHENTICATED, nothing written', async () => {
      const answer = await post(UPSERT);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 401,
        body: {
          errors: [
            {
              message: 'Mutations need an API key: send it in the `x-api-key` header or as `authorization: Bearer <key>`',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        },
      });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(gateway.items.has('http-1')).toBe(false);
    });

    it('refuses a wrong key: 403 FORBIDDEN', async () => {
      expect(await answered(UPSERT, { 'x-api-key': 'key-three' })).toEqual({
        status: 403,
        body: { errors: [{ message: 'The API key is not valid for mutations', extensions: { code: 'FORBIDDEN' } }] },
      });
      expect((await answered(UPSERT, { authorization: 'Bearer key-on' })).status).toBe(403);
    });

    it('runs a mutation with a right key, in x-api-key or as a bearer token', async () => {
      expect(await answered(UPSERT, { 'x-api-key': 'key-two' })).toEqual({
        status: 200,
        body: { data: { upsertItems: { upsertedCount: 1, ids: ['http-1'] } } },
      });
      expect(await answered(UPSERT, { authorization: 'Bearer key-one' })).toEqual({
        status: 200,
        body: { data: { upsertItems: { upsertedCount: 1, ids: ['http-1'] } } },
      });
      expect(gateway.items.get('http-1')?.title).toBe('Coco');
    });

    it('keeps queries open without a key', async () => {
      expect(await answered({ query: '{ item(id: "http-1") { title } }' })).toEqual({ status: 200, body: { data: { item: { title: 'Coco' } } } });
    });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(server.url.replace('/graphql', '/nowhere'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Not found: the API is at /graphql (and /health, /metrics)', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('masks an unexpected error: no message, no stack; the log has both', async () => {
    gateway.failure = new Error('connection string postgres://admin:hunter2@db leaked');
    const answer = await answered({ query: '{ search(query: "toy") { totalCount } }' });
    expect(answer).toEqual({
      status: 200,
      body: {
        data: { search: null },
        errors: [{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['search'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      },
    });
    expect(logger.lines.at(-1)?.message).toMatch(/^Unexpected error at search: Error: connection string postgres:\/\/admin:hunter2@db leaked\n\s+at /);
  });

  it('sends pipeline warnings in extensions.warnings', async () => {
    gateway.warnings = ['ranker unavailable: results in retrieval order'];
    try {
      expect(await answered({ query: '{ search(query: "toy") { totalCount } }' })).toEqual({
        status: 200,
        body: { data: { search: { totalCount: 2 } }, extensions: { warnings: ['ranker unavailable: results in retrieval order'] } },
      });
    } finally {
      gateway.warnings = [];
    }
  });

  it('refuses a body over 1 MB with 413, as JSON', async () => {
    const huge = { query: GOOD.query, variables: { pad: 'x'.repeat(1024 * 1024) } };
    expect(await answered(huge)).toEqual({
      status: 413,
      body: { errors: [{ message: 'The request body is larger than 1 MB', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('refuses a body that is not JSON with 400', async () => {
    expect(await answered('{"query": ')).toEqual({
      status: 400,
      body: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('answers GET queries (with a CSRF-safe header), refuses GET mutations and preflight-less GETs', async () => {
    const url = `${server.url}?query=${encodeURIComponent(GOOD.query)}`;
    const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect({ status: get.status, body: await get.json() }).toEqual(GOOD_ANSWER);

    const simple = await fetch(url);
    expect(simple.status).toBe(400);

    const mutation = await fetch(`${server.url}?query=${encodeURIComponent('mutation { deleteItems(ids: ["1"]) { deletedIds } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    expect(gateway.items.has('1')).toBe(true);
  });

  it('is still serving after every one of those', async () => {
    expect(await answered(GOOD)).toEqual(GOOD_ANSWER);
  });
});

describe('HTTP server configuration', () => {
  it('turns introspection off when configured, and reports a failing catalog as 503 on /health', async () => {
    const gateway = new InMemoryGateway(MOVIES);
    const logger = new RecordingLogger();
    const server = await createServer({
      config: testConfig({ introspection: false }),
      gateway,
      logger,
      countItems: async () => {
        throw new Error('catalog closed');
      },
    });
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      const body = (await response.json()) as any;
      expect(response.status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/introspection is not allowed/i);

      const health = await fetch(`http://127.0.0.1:${server.port}/health`);
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 503, body: { status: 'unavailable', unavailable: ['catalog'], backends: { catalog: 'unavailable' } } });
      expect(logger.lines.at(-1)?.message).toMatch(/^Health check failed: catalog: Error: catalog closed/);
    } finally {
      await server.stop();
    }
  });

  it('rejects a port that is taken, without leaving anything running', async () => {
    const first = await createServer({ config: testConfig(), gateway: new InMemoryGateway(MOVIES), logger: new RecordingLogger() });
    try {
      const config = testConfig();
      const taken = { ...config, server: { ...config.server, port: first.port } };
      await expect(createServer({ config: taken, gateway: new InMemoryGateway(MOVIES), logger: new RecordingLogger() })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
