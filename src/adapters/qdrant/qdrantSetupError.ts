/** A Qdrant server or collection the gateway cannot start with; the message says why and what to do. */
export class QdrantSetupError extends Error {
  override name = 'QdrantSetupError';
}
