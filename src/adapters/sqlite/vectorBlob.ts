/**
 * Vectors are stored as the raw bytes of a Float32Array, in the machine's byte order (little
 * endian on every platform Node supports in practice): 4 bytes a dimension, no parsing.
 */
export function vectorToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** A fresh Float32Array owning its memory, whatever the alignment of the blob's bytes. */
export function blobToVector(blob: Uint8Array): Float32Array {
  if (blob.byteLength % Float32Array.BYTES_PER_ELEMENT !== 0) {
    throw new RangeError(`a stored vector has ${blob.byteLength} bytes, not a whole number of float32 values`);
  }
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return new Float32Array(bytes.buffer);
}
