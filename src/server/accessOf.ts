import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Access } from '../graphql/context.js';

/**
 * What a request may do, from its `x-api-key` header or `authorization: Bearer <key>`.
 * Keys are compared as SHA-256 digests in constant time, so response timing does not tell how
 * much of a guessed key was right.
 */
export function accessOf(headers: IncomingHttpHeaders, apiKeys: readonly string[]): Access {
  if (apiKeys.length === 0) return 'open';
  const presented = presentedKey(headers);
  if (presented === null) return 'missing';
  const digest = sha256(presented);
  // Every key is compared, match or not, for the same reason.
  const matches = apiKeys.filter((key) => timingSafeEqual(sha256(key), digest)).length;
  return matches > 0 ? 'granted' : 'wrong';
}

function presentedKey(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  const direct = (Array.isArray(header) ? header[0] : header)?.trim();
  if (direct) return direct;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return bearer?.[1] ?? null;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
