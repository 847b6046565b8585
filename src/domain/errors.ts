/** Stable error codes: they are the API, sent in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'BACKEND_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An error whose message is safe to show to the caller, with its stable code. */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayError';
  }
}

export function badInput(message: string, argument?: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, argument ? { argument } : {});
}

export function backendUnavailable(backend: string, cause: unknown): GatewayError {
  return new GatewayError('BACKEND_UNAVAILABLE', `${backend} is unavailable`, { backend }, { cause });
}
