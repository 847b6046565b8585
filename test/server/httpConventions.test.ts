import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/server/createLogger.js';
import { createServer, type RunningServer } from '../../src/server/createServer.js';
import { InMemoryGateway } from '../support/inMemoryGateway.js';
import { MOVIES } from '../support/movieCatalog.js';
import { REPO_ROOT } from '../support/fixtureGateway.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The JSON lines a pino logger wrote, parsed. */
class LogLines extends Writable {
  readonly entries: Record<string, any>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line) this.entries.push(JSON.parse(line));
    done();
  }
}

async function start(env: Record<string, string>, lines = new LogLines()) {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SEED_MOVIELENS: 'none', API_KEYS: 'secret-key', ...env }, REPO_ROOT);
  const gateway = new InMemoryGateway(MOVIES);
  const server: RunningServer = await createServer({ config, gateway, log: createLogger('info', lines) });
  return { server, lines, gateway, origin: new URL(server.url).origin };
}

// No operationName in the body: the name in the log is the one Apollo read from the document.
const QUERY = JSON.stringify({ query: 'query TitleOfOne { item(id: "1") { title } }' });

describe('request ids and JSON logs', () => {
  let running: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    running = await start({});
  });
  afterAll(async () => {
    await running.server.stop();
  });

  it('keeps the caller’s x-request-id, returns it, and logs the request under it with status, operation and timing', async () => {
    const response = await fetch(running.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42.a', 'x-api-key': 'secret-key' },
      body: QUERY,
    });
    expect([response.status, response.headers.get('x-request-id')]).toEqual([200, 'trace-42.a']);
    await response.arrayBuffer();
    const entry = running.lines.entries.find((line) => line.req?.id === 'trace-42.a')!;
    expect({ ...entry, time: typeof entry.time, pid: typeof entry.pid, hostname: typeof entry.hostname, responseTime: typeof entry.responseTime }).toEqual({
      level: 30,
      time: 'number',
      pid: 'number',
      hostname: 'string',
      service: 'recsys-gateway',
      req: { id: 'trace-42.a', method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      operationName: 'TitleOfOne',
      responseTime: 'number',
      msg: 'POST /graphql 200',
    });
    // The API key is a header; headers are never logged.
    expect(JSON.stringify(running.lines.entries)).not.toContain('secret-key');
  });

  it('logs the operation name of a hash-only persisted query, whose body names nothing', async () => {
    const query = 'query TitleByHash { item(id: "1") { title } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const send = async (body: unknown, id: string) => {
      const response = await fetch(running.server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify(body) });
      return response.json();
    };
    await send({ query, extensions: { persistedQuery } }, 'register-1');
    expect(await send({ extensions: { persistedQuery } }, 'hash-only-1')).toEqual({ data: { item: { title: 'Toy Story' } } });
    expect(running.lines.entries.find((line) => line.req?.id === 'hash-only-1')?.operationName).toBe('TitleByHash');
  });

  it('logs a masked internal error under the id of the request it happened in', async () => {
    running.gateway.failure = new TypeError('Cannot read properties of undefined (reading "secret_table")');
    const response = await fetch(running.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'broken-1' },
      body: JSON.stringify({ query: '{ search(query: "toy") { totalCount } }' }),
    });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const errors = running.lines.entries.filter((line) => line.level === 50);
    expect(errors.length).toBe(1);
    expect(errors[0]!.req).toEqual({ id: 'broken-1', method: 'POST', url: '/graphql' });
    expect(errors[0]!.msg).toContain('secret_table');
  });

  it('replaces a missing or implausible request id with a UUID', async () => {
    const generated = await fetch(`${running.origin}/health`);
    const replaced = await fetch(`${running.origin}/health`, { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    expect(replaced.headers.get('x-request-id')).toMatch(UUID);
    expect(generated.headers.get('x-request-id')).not.toBe(replaced.headers.get('x-request-id'));
  });

  it('logs a refused request at warn level', async () => {
    const response = await fetch(running.server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-1' }, body: '{"query": "{ item("}' });
    expect(response.status).toBe(400);
    await response.arrayBuffer();
    expect(running.lines.entries.find((line) => line.req?.id === 'bad-1')).toMatchObject({ level: 40, res: { statusCode: 400 } });
  });
});

describe('CORS by CORS_ORIGINS', () => {
  it('answers only the configured origins, allows the API key header and exposes the request id', async () => {
    const { server } = await start({ CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' });
    try {
      const preflight = await fetch(server.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.com',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key,x-debug-timings,x-apollo-operation-name',
        },
      });
      expect([preflight.status, preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-allow-headers')]).toEqual([
        204,
        'https://app.example.com',
        'content-type,accept,authorization,x-api-key,x-request-id,x-debug-timings,apollo-require-preflight,x-apollo-operation-name',
      ]);
      // What the preflight allowed, the real request may send: the timings arrive, the operation runs.
      const timed = await fetch(server.url, {
        method: 'POST',
        headers: { origin: 'https://app.example.com', 'content-type': 'application/json', 'x-debug-timings': '1', 'x-apollo-operation-name': 'Title' },
        body: QUERY,
      });
      const timedBody = (await timed.json()) as { data: unknown; extensions?: { timings?: { totalMs?: unknown } } };
      expect([timed.status, timed.headers.get('access-control-allow-origin'), typeof timedBody.extensions?.timings?.totalMs]).toEqual([
        200,
        'https://app.example.com',
        'number',
      ]);
      const allowed = await fetch(server.url, { method: 'POST', headers: { origin: 'https://admin.example.com', 'content-type': 'application/json' }, body: QUERY });
      expect([allowed.headers.get('access-control-allow-origin'), allowed.headers.get('access-control-expose-headers')]).toEqual(['https://admin.example.com', 'x-request-id']);
      const other = await fetch(server.url, { method: 'POST', headers: { origin: 'https://evil.example.net', 'content-type': 'application/json' }, body: QUERY });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('sends no CORS headers when CORS_ORIGINS is empty (same origin only)', async () => {
    const { server } = await start({});
    try {
      const response = await fetch(server.url, { method: 'POST', headers: { origin: 'https://app.example.com', 'content-type': 'application/json' }, body: QUERY });
      expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([200, null]);
    } finally {
      await server.stop();
    }
  });
});

describe('the playground page', () => {
  const browserGet = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });

  it('is served to a browser’s GET /graphql with the four example operations as tabs, its scripts from the gateway itself', async () => {
    const { server, origin } = await start({});
    try {
      const page = await browserGet(server.url);
      const html = await page.text();
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(html.match(/(?:src|href)="[^"]+"/g)).toEqual([
        'href="data:,"',
        'href="/playground/graphiql.min.css"',
        'src="/playground/react.production.min.js"',
        'src="/playground/react-dom.production.min.js"',
        'src="/playground/graphiql.min.js"',
      ]);
      const config = JSON.parse(html.match(/<script id="playground-config" type="application\/json">(.*?)<\/script>/)![1]!);
      expect(config.tabs.map((tab: { query: string }) => tab.query.match(/^(query|mutation) (\w+)/m)![0])).toEqual([
        'query SearchWithFilters',
        'query RecommendationsForUser',
        'query SimilarItems',
        'mutation RecordEvents',
      ]);
      expect(JSON.parse(config.tabs[0].variables).filter.must[0]).toEqual({ field: 'CATEGORY', match: { value: 'Animation' } });
      for (const asset of ['graphiql.min.js', 'graphiql.min.css', 'react.production.min.js', 'react-dom.production.min.js']) {
        const response = await fetch(`${origin}/playground/${asset}`);
        expect([asset, response.status, (await response.arrayBuffer()).byteLength > 1000]).toEqual([asset, 200, true]);
      }
      // Content negotiation: HTML goes to whoever prefers it; a GET that accepts JSON still runs its query.
      const query = await fetch(`${server.url}?${new URLSearchParams({ query: '{ item(id: "1") { title } }' })}`, {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      });
      expect([query.status, await query.json()]).toEqual([200, { data: { item: { title: 'Toy Story' } } }]);
    } finally {
      await server.stop();
    }
  });

  it('is off with PLAYGROUND=false and by default in production, assets included', async () => {
    for (const env of [{ PLAYGROUND: 'false' }, { NODE_ENV: 'production' }] as Record<string, string>[]) {
      const { server, origin } = await start(env);
      try {
        const page = await browserGet(server.url);
        expect([env, page.status, page.headers.get('content-type')?.startsWith('text/html')]).toEqual([env, 400, false]);
        expect((await fetch(`${origin}/playground/graphiql.min.js`)).status).toBe(404);
      } finally {
        await server.stop();
      }
    }
  });
});
