/** A data directory that cannot be used with this configuration; the message says what to do. */
export class IncompatibleDataError extends Error {
  override name = 'IncompatibleDataError';
}
