import { GatewayError } from '../../domain/errors.js';

/**
 * What a failed Qdrant call was, for the retry decision and the caller's error code:
 * `unavailable`, the backend cannot answer now (worth a retry for a read); `example`, the
 * request named a point that is not there or lacks the vector asked for (the caller's recommend
 * examples); `refused`, any other refusal, which says something about the server's state (a
 * missing collection or alias, a vector of another size) rather than about the caller's input.
 */
export type FailureKind = 'unavailable' | 'example' | 'refused';

/** The HTTP status of a failed call, when the server answered (the client's ApiError carries it). */
function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Qdrant's own explanation of a refused request, from the response body. */
function rejectionReason(error: unknown): string {
  const data = (error as { data?: { status?: { error?: unknown } } } | null)?.data;
  const reason = data?.status?.error;
  return typeof reason === 'string' ? reason : error instanceof Error ? error.message : String(error);
}

// Qdrant's words for an example id that is not a point, or a point without the vector used:
// "Not found: No point with id … found", "Wrong input: Vector "…" of point … not found".
const MISSING_EXAMPLE = /No point with id \S+ found|of point \S+ not found/;

/**
 * Refused connections, timeouts, 5xx and 429 mean the backend cannot answer now. The gateway
 * validates every input before it reaches Qdrant, so a 4xx is the server's state (a collection
 * dropped under a running gateway) unless it names a missing example point.
 */
export function failureKind(error: unknown): FailureKind {
  const status = statusOf(error);
  if (status === null || status >= 500 || status === 408 || status === 429 || status < 400) return 'unavailable';
  return MISSING_EXAMPLE.test(rejectionReason(error)) ? 'example' : 'refused';
}

/**
 * The error a caller sees for a failed call: BAD_USER_INPUT only for a missing example, else
 * BACKEND_UNAVAILABLE with a message that shows no backend internals. The cause stays attached
 * (and callQdrant logs it).
 */
export function toGatewayError(operation: string, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (failureKind(error) === 'example') {
    return new GatewayError('BAD_USER_INPUT', 'a recommend example is not in the catalog or has no vector in the space asked', { backend: 'qdrant' }, { cause: error });
  }
  return new GatewayError('BACKEND_UNAVAILABLE', `Qdrant is unavailable (${operation})`, { backend: 'qdrant' }, { cause: error });
}

/** One line for the log: the cause as the client reported it (status, code, message, Qdrant's reason). */
export function describeCause(error: unknown): string {
  const status = statusOf(error);
  // Duck-typed: fetch's errors come from another realm under test runners, failing instanceof.
  const causeMessage = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // fetch reports a refused connection as "fetch failed", the reason in its cause.
  const reason = typeof causeMessage === 'string' ? `(cause: ${causeMessage})` : null;
  const refusal = status !== null && status < 500 ? rejectionReason(error) : null;
  return [status !== null ? `HTTP ${status}` : null, message, reason, refusal !== null && refusal !== (error as Error).message ? `(${refusal})` : null]
    .filter(Boolean)
    .join(' ');
}
