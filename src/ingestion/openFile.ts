import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * A read stream of a file that is known to exist: opening first turns a missing or unreadable
 * file into a rejected promise, where a piped stream's error would leave a reader waiting.
 */
export async function openFile(file: string): Promise<Readable> {
  const handle = await open(file, 'r');
  return handle.createReadStream({ encoding: 'utf8' });
}
