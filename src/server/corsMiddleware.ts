import cors from 'cors';
import type { RequestHandler } from 'express';
import { DEBUG_TIMINGS_HEADER } from './plugins/timingsPlugin.js';
import { REQUEST_ID_HEADER } from './requestLogging.js';

/**
 * What a browser client may send: JSON bodies, the API key, a request id, the debug timings
 * switch, and the headers Apollo's CSRF protection accepts (apollo-require-preflight,
 * x-apollo-operation-name, which Apollo's own web clients send).
 */
const ALLOWED_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'x-api-key',
  REQUEST_ID_HEADER,
  DEBUG_TIMINGS_HEADER,
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/**
 * CORS for the configured origins (`*` for any). The headers a browser client needs are
 * allowed, and the request id is exposed, so frontends can quote it in bug reports.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
