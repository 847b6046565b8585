import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../graphql/logger.js';

/**
 * Errors raised before GraphQL sees the request (by the body parser: too large, not JSON, an
 * unknown charset), answered in the GraphQL error shape with Apollo's BAD_REQUEST code, so
 * clients parse one format whatever went wrong.
 */
export function httpErrorHandler(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = httpStatusOf(error);
    let message: string;
    if (status === 413) {
      message = `The request body is larger than ${bodyLimit}`;
    } else if (status >= 400 && status < 500) {
      message = isType(error, 'entity.parse.failed') ? 'The request body is not valid JSON' : publicMessage(error);
    } else {
      logger.error(`HTTP request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      message = 'Internal server error';
    }
    const code = status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}

/** body-parser's errors carry the status to send; anything else is ours. */
function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function isType(error: unknown, type: string): boolean {
  return (error as { type?: unknown } | null)?.type === type;
}

function publicMessage(error: unknown): string {
  return error instanceof Error && (error as { expose?: unknown }).expose === true ? error.message : 'Bad request';
}
