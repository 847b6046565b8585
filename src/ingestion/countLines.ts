import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * Lines in a file, a last line without a newline included: a cheap total for progress
 * (a quoted newline inside a CSV field makes it an overestimate, which is fine for that).
 */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = NEWLINE;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, index + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === NEWLINE ? lines : lines + 1;
}
