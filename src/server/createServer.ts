import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { Config } from '../config/config.js';
import type { Logger } from '../graphql/logger.js';
import type { Gateway } from '../pipeline/gateway.js';
import { createApolloServer } from './createApolloServer.js';
import { createContext } from './createContext.js';
import { corsMiddleware } from './corsMiddleware.js';
import { createLogger } from './createLogger.js';
import { healthRoute } from './healthRoute.js';
import { httpErrorHandler } from './httpErrorHandler.js';
import { createMetricsRegistry, type GatewayMetrics } from './metricsRegistry.js';
import { metricsRoute } from './metricsRoute.js';
import { PLAYGROUND_ASSETS_PATH, playgroundAssets } from './playground/playgroundAssets.js';
import { metricsPlugin } from './plugins/metricsPlugin.js';
import { timingsPlugin } from './plugins/timingsPlugin.js';
import { requestLogging } from './requestLogging.js';
import { requestScope } from './requestScope.js';

/** Larger bodies get 413 before they are parsed. 500 items with long texts can exceed it: such batches are split by the client. */
const BODY_LIMIT = { bytes: 1024 * 1024, text: '1 MB' };

export interface CreateServerOptions {
  readonly config: Config;
  readonly gateway: Gateway;
  /** The JSON log of requests (one line each, with its id and timing); default: pino on stdout at LOG_LEVEL. */
  readonly log?: PinoLogger;
  /** Where errors that callers do not see are logged; default: the JSON log, under the request's id. */
  readonly logger?: Logger;
  /** Counts the catalog's items for GET /health; without it /health does not report the catalog. */
  readonly countItems?: () => Promise<number>;
  /** Asks the feature store for GET /health; without it /health does not report the features. */
  readonly pingFeatures?: () => Promise<void>;
  /** Where GET /metrics reads from; a registry of this server's own by default. */
  readonly metrics?: GatewayMetrics;
}

export interface RunningServer {
  /** The GraphQL endpoint, such as `http://localhost:4000/graphql`. */
  readonly url: string;
  /** The port listened on: the configured one, or the one the system chose for port 0. */
  readonly port: number;
  /** Stops accepting requests, lets running ones finish, then closes. */
  stop(): Promise<void>;
}

/**
 * The HTTP server: POST and GET /graphql (Apollo Server on express 5; a browser's GET gets the
 * playground when it is on), GET /health and GET /metrics, listening on `config.server.host` and
 * `config.server.port`. Every request gets an id and a JSON log line; CORS as configured.
 */
export async function createServer(options: CreateServerOptions): Promise<RunningServer> {
  const { config, gateway } = options;
  const log = options.log ?? createLogger(config.server.logLevel);
  const scope = requestScope(log);
  const logger = options.logger ?? scope.logger;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(log));
  if (config.server.corsOrigins.length > 0) app.use(corsMiddleware(config.server.corsOrigins));
  const httpServer = http.createServer(app);
  const metrics = options.metrics ?? createMetricsRegistry();
  const apollo = createApolloServer({
    server: config.server,
    logger,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), metricsPlugin(metrics), timingsPlugin(), scope.plugin],
  });
  await apollo.start();

  app.get('/health', healthRoute({ ...options, timeoutMs: config.server.healthTimeoutMs }, logger));
  app.get('/metrics', metricsRoute(metrics, logger));
  if (config.server.playground) app.use(PLAYGROUND_ASSETS_PATH, playgroundAssets());
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT.bytes }),
    scope.middleware,
    expressMiddleware(apollo, { context: createContext(gateway, config.server.apiKeys) }),
  );
  // Anything else: JSON in the shape every other answer has, instead of express's HTML page.
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found: the API is at /graphql (and /health, /metrics)', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(httpErrorHandler(logger, BODY_LIMIT.text));

  try {
    await listen(httpServer, config.server.port, config.server.host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${urlHost(config.server.host)}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A host a client can dial: the wildcard addresses mean this machine. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
