/** What one attempt got back before its body is read: the same shape whichever way it was sent. */
import type { ResponseHead } from './buffered-response.js';
import type { AttemptDeadline } from './deadline.js';

export interface Exchange extends ResponseHead {
  /** The body as text, read within the attempt's deadline; throws BodyTooLarge past `limit` decoded bytes. */
  read(limit: number, deadline: AttemptDeadline): Promise<string>;
  /** Drops the body unread (a redirect, a status about to be retried). */
  discard(): void;
}

/** What an attempt sends. */
export interface Outgoing {
  url: string;
  method: string;
  /** Lower-case names when a record (the client's own calls); a Headers from openapi-fetch's Requests. */
  headers: Headers | Record<string, string>;
  /** Read once before the first attempt, so every attempt resends the same bytes. */
  body: string | Uint8Array | null;
}

export type Send = (outgoing: Outgoing, deadline: AttemptDeadline) => Promise<Exchange>;

export class BodyTooLarge extends Error {}

const decoder = new TextDecoder();

/** UTF-8 text of the chunks (a BOM dropped, as `Response.text()` does). */
export function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
