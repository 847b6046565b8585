import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GatewayError } from '../domain/errors.js';
import type { Logger } from './logger.js';
import { persistedQueryErrorCode } from './persistedQueryErrorCode.js';

/**
 * Codes Apollo gives errors in the request itself (parsing, validation, variable coercion,
 * malformed HTTP requests): the caller's mistakes, safe to show as they are.
 */
const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const MASKED_MESSAGE = 'Internal server error';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The one place that decides what a caller sees of an error. GatewayErrors show their code,
 * message and details; GraphQL's own errors about the request (and Apollo's) keep their codes;
 * anything else, including graphql-js failing to serialize a resolver's value, is a bug, logged
 * here with its stack and masked, so no internal message or stack leaks. Never
 * throws: a failure here would otherwise turn one bad field into a failed response.
 */
export function createFormatError(logger: Logger): FormatError {
  return (formatted, error) => {
    try {
      return format(formatted, error, logger);
    } catch {
      return masked(formatted);
    }
  };
}

function format(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const chain = originalErrors(error);
  const gatewayError = chain.find((entry): entry is GatewayError => entry instanceof GatewayError);
  if (gatewayError) {
    if (gatewayError.code === 'INTERNAL_SERVER_ERROR' || gatewayError.code === 'BACKEND_UNAVAILABLE') {
      logger.error(`GraphQL ${gatewayError.code} at ${pathOf(formatted)}: ${describe(gatewayError)}`);
    }
    return withLocation(formatted, gatewayError.message, { ...gatewayError.details, code: gatewayError.code });
  }
  const innermost = chain[chain.length - 1];
  const persistedQueryCode = formatted.path ? undefined : persistedQueryErrorCode(formatted.message);
  if (persistedQueryCode !== undefined && innermost instanceof GraphQLError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: persistedQueryCode } };
  }
  if (REQUEST_ERROR_CODES.has(formatted.extensions?.['code'])) return formatted;
  // GraphQL's own errors before execution (validation, coercion) are the caller's. One raised
  // at a field's path without a request code is graphql-js refusing what a resolver returned
  // ("Float cannot represent non numeric value: Infinity"): our bug, not the caller's.
  if (innermost instanceof GraphQLError && formatted.path === undefined) return formatted;
  logger.error(`Unexpected error at ${pathOf(formatted)}: ${describe(innermost)}`);
  return masked(formatted);
}

/** The error and every error it wraps through `originalError`, outermost first. */
function originalErrors(error: unknown): unknown[] {
  const chain: unknown[] = [error];
  let current = error;
  while (current instanceof GraphQLError && current.originalError && chain.length < 10) {
    current = current.originalError;
    chain.push(current);
  }
  return chain;
}

function withLocation(formatted: GraphQLFormattedError, message: string, extensions: Record<string, unknown>): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

function masked(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return withLocation(formatted, MASKED_MESSAGE, { code: 'INTERNAL_SERVER_ERROR' });
}

function pathOf(formatted: GraphQLFormattedError): string {
  return formatted.path ? formatted.path.join('.') : '(request)';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : `\ncaused by: ${describe(error.cause)}`;
  return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
}
