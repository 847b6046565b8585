import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { backendUnavailable } from '../../src/domain/errors.js';
import { createFormatError } from '../../src/graphql/createFormatError.js';
import { startHarness, type Harness } from '../support/graphqlHarness.js';
import { MOVIES } from '../support/movieCatalog.js';
import { RecordingLogger } from '../support/recordingLogger.js';

describe('error policy and degradation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.server.stop();
  });

  it('refuses a subscription as a validation error, not an internal one', async () => {
    const result = await harness.run('subscription { search(query: "toy") { totalCount } }');
    expect(result.errors).toEqual([
      {
        message: 'This API has no subscription operations: send a query or a mutation.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('reports a literal first far over the cap as BAD_USER_INPUT naming first, before the cost limit', async () => {
    const result = await harness.run('{ search(query: "toy", first: 100000) { totalCount } }');
    // Alone: the cost limit, which this first would also exceed, leaves the report to it.
    expect(result.errors).toEqual([
      {
        message: '`first` must be at most 100 (results are capped at 100 per page), got 100000',
        locations: [{ line: 1, column: 24 }],
        extensions: { argument: 'first', code: 'BAD_USER_INPUT' },
      },
    ]);
    const nested = await harness.run('{ user(id: "7") { recentItems(first: 0) { id } } }');
    expect(nested.errors?.[0]?.extensions).toEqual({ argument: 'first', code: 'BAD_USER_INPUT' });
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR and logs it with its stack', async () => {
    harness.gateway.failure = new TypeError('Cannot read properties of undefined (reading "secret_table")');
    const result = await harness.run('{ search(query: "toy") { totalCount } }');
    expect(result).toEqual({
      data: { search: null },
      errors: [
        { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['search'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    });
    const logged = harness.logger.lines.filter((line) => line.level === 'error').at(-1);
    expect(logged?.message).toMatch(/^Unexpected error at search: TypeError: Cannot read properties of undefined \(reading "secret_table"\)\n\s+at /);
  });

  it('shows a GatewayError with its code and details, and logs backend failures with their cause', async () => {
    harness.gateway.failure = backendUnavailable('feature store', new Error('ECONNREFUSED 127.0.0.1:6379'));
    const result = await harness.run('{ recommendations(userId: "7") { totalCount } }');
    expect(result.errors).toEqual([
      {
        message: 'feature store is unavailable',
        locations: [{ line: 1, column: 3 }],
        path: ['recommendations'],
        extensions: { code: 'BACKEND_UNAVAILABLE', backend: 'feature store' },
      },
    ]);
    expect(harness.logger.lines.at(-1)?.message).toMatch(/caused by: Error: ECONNREFUSED 127\.0\.0\.1:6379/);
  });

  it('sends the pipeline warnings in extensions.warnings with the answer', async () => {
    harness.gateway.warnings = ['ranker failed: retrieval order kept'];
    try {
      const result = await harness.run('{ a: search(query: "toy") { totalCount } b: search(query: "story") { totalCount } }');
      expect(result).toEqual({
        data: { a: { totalCount: 2 }, b: { totalCount: 2 } },
        extensions: { warnings: ['ranker failed: retrieval order kept'] },
      });
    } finally {
      harness.gateway.warnings = [];
    }
    expect(await harness.run('{ search(query: "toy") { totalCount } }')).toEqual({ data: { search: { totalCount: 2 } } });
  });

  it('leaves out an item deleted between ranking and rendering, and says so', async () => {
    harness.gateway.vanishAfterRanking = ['3114'];
    try {
      const result = await harness.run('{ search(query: "toy") { totalCount edges { rank node { id } } } }');
      expect(result).toEqual({
        data: { search: { totalCount: 2, edges: [{ rank: 1, node: { id: '1' } }] } },
        extensions: { warnings: ['item 3114 left the catalog while the request ran and is not in the page'] },
      });
    } finally {
      harness.gateway.vanishAfterRanking = [];
      harness.gateway.items.set('3114', MOVIES.find((movie) => movie.id === '3114')!);
    }
  });
});

describe('createFormatError', () => {
  const logger = new RecordingLogger();
  const formatError = createFormatError(logger);

  it('keeps the codes GraphQL and Apollo gave to request errors', () => {
    const parse = { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(formatError(parse, new GraphQLError(parse.message))).toEqual(parse);
  });

  it('masks a thrown non-Error value and an error wrapped by a resolver', () => {
    const formatted = { message: 'boom', path: ['item'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(formatted, 'boom')).toEqual({ message: 'Internal server error', path: ['item'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const wrapped = new GraphQLError('db password is hunter2', { originalError: new Error('db password is hunter2') });
    expect(formatError({ ...formatted, message: wrapped.message }, wrapped).message).toBe('Internal server error');
  });

  it('masks graphql-js refusing to serialize a resolver value, and logs the detail', async () => {
    const serverLogger = new RecordingLogger();
    const server = new ApolloServer({
      typeDefs: 'type Query { logit: Float, name: String }',
      resolvers: { Query: { logit: () => Infinity, name: () => 'kept' } },
      formatError: createFormatError(serverLogger),
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query: '{ logit name }' });
      expect(response.body.kind === 'single' ? response.body.singleResult : response.body).toEqual({
        data: { logit: null, name: 'kept' },
        errors: [{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['logit'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    } finally {
      await server.stop();
    }
    const logged = serverLogger.lines.filter((line) => line.level === 'error');
    expect(logged.map((line) => line.message.split('\n')[0])).toEqual(['Unexpected error at logit: GraphQLError: Float cannot represent non numeric value: Infinity']);
  });

  it('never throws, even when logging does', () => {
    const failing = createFormatError({ ...logger, error: () => { throw new Error('log sink down'); } });
    expect(failing({ message: 'x' }, new Error('x'))).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
