/** What one attempt got back before its body is read: the same shape whichever way it was sent. */
import { isAscii } from 'node:buffer';
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

/**
 * UTF-8 text of the chunks (a BOM dropped, as `Response.text()` does). A body of ASCII only (most
 * JSON) is its own Latin-1 text: it is copied into a string instead of decoded, which for a body
 * over a megabyte also keeps the text out of V8's heap (node makes it an external string).
 */
export function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  const all = chunks.length === 1 ? asBuffer(chunks[0]!) : Buffer.concat(chunks, size);
  // A BOM or any other non-ASCII byte takes the decoder.
  return isAscii(all) ? all.toString('latin1') : decoder.decode(all);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
