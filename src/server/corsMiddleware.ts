import cors from 'cors';
import type { RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from './requestLogging.js';

/**
 * CORS for the configured origins (`*` for any). The headers a browser client needs are
 * allowed (JSON bodies, the API key, a request id, Apollo's CSRF preflight header) and the
 * request id is exposed, so frontends can quote it in bug reports.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'accept', 'authorization', 'x-api-key', REQUEST_ID_HEADER, 'apollo-require-preflight'],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
