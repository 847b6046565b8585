/**
 * The embedding model cannot be found or loaded. Thrown at start, once, with a message that
 * names the model, where it was looked for, and what to do about it.
 */
export class EmbedderLoadError extends Error {
  override name = 'EmbedderLoadError';

  constructor(
    message: string,
    /** The configured model: a hub id, a directory, or `builtin`. */
    readonly model: string,
    /** The places that were tried, in order (directories, cache paths, hub URLs). */
    readonly searched: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
