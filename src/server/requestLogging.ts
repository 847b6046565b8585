import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ScopedRequest } from './requestScope.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it is a plausible token, so ids from a proxy join its logs to ours; anything else is replaced. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every HTTP request an id (the caller's `x-request-id` or a new UUID), returns it in the
 * `x-request-id` response header, and logs one JSON line per request when it completes, with
 * its status, the GraphQL operation name and `responseTime` in ms. Headers are not logged:
 * they carry API keys. This id names the HTTP exchange; a result list's `requestId` in the
 * schema is another thing (it joins events to the list they came from).
 */
export function requestLogging(logger: PinoLogger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers[REQUEST_ID_HEADER];
      const id = typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: ScopedRequest) => (req.graphqlOperationName ? { operationName: req.graphqlOperationName } : {}),
    customSuccessMessage: (req, res) => summary(req, res),
    customErrorMessage: (req, res) => summary(req, res),
    // 4xx are the caller's mistakes, worth a warning; 5xx are ours.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}

/** `POST /graphql 200`; the original URL, since express rewrites `req.url` inside mounted routes. */
function summary(req: IncomingMessage, res: ServerResponse): string {
  return `${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url} ${res.statusCode}`;
}
