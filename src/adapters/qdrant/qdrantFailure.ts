import { GatewayError } from '../../domain/errors.js';

/** What a failed Qdrant call was, for the retry decision and the caller's error code. */
export type FailureKind = 'unavailable' | 'rejected';

/** The HTTP status of a failed call, when the server answered (the client's ApiError carries it). */
function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * Refused connections, timeouts, 5xx and 429 mean the backend cannot answer now: worth a
 * retry for a read, BACKEND_UNAVAILABLE for the caller. Any other 4xx means the request
 * itself was refused (a bad filter value, a vector of the wrong size): BAD_USER_INPUT.
 */
export function failureKind(error: unknown): FailureKind {
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) return 'rejected';
  return 'unavailable';
}

/** Qdrant's own explanation of a refused request, from the response body. */
function rejectionReason(error: unknown): string {
  const data = (error as { data?: { status?: { error?: unknown } } }).data;
  const reason = data?.status?.error;
  return typeof reason === 'string' ? reason : error instanceof Error ? error.message : String(error);
}

/** The error a caller sees for a failed call; the cause stays attached for the log. */
export function toGatewayError(operation: string, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (failureKind(error) === 'rejected') {
    return new GatewayError('BAD_USER_INPUT', `Qdrant refused ${operation}: ${rejectionReason(error)}`, { backend: 'qdrant' }, { cause: error });
  }
  return new GatewayError('BACKEND_UNAVAILABLE', `Qdrant is unavailable (${operation})`, { backend: 'qdrant' }, { cause: error });
}

/** One line for the log: the cause as the client reported it (status, code, message). */
export function describeCause(error: unknown): string {
  const status = statusOf(error);
  // Duck-typed: fetch's errors come from another realm under test runners, failing instanceof.
  const causeMessage = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // fetch reports a refused connection as "fetch failed", the reason in its cause.
  const reason = typeof causeMessage === 'string' ? `(cause: ${causeMessage})` : null;
  return [status !== null ? `HTTP ${status}` : null, message, reason].filter(Boolean).join(' ');
}
