/** Sends an attempt with a `fetch` (the one a caller injected): redirect 'manual', the attempt's signal, the body read with a cap. */
import type { AttemptDeadline } from './deadline.js';
import { BodyTooLarge, decodeChunks, type Exchange, type Send } from './exchange.js';

export function fetchSender(fetch: typeof globalThis.fetch): Send {
  return async (outgoing, deadline) => {
    const response = await deadline.race(
      fetch(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        body: outgoing.body as BodyInit | null,
        signal: deadline.signal,
        redirect: 'manual',
      }),
    );
    // A browser-style fetch hides a manual redirect as an opaque response with status 0.
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    return {
      status,
      statusText: response.statusText,
      headers: response.headers,
      url: response.url || outgoing.url,
      read: (limit, d) => readCapped(response, limit, d),
      discard: () => void response.body?.cancel().catch(() => undefined),
    } satisfies Exchange;
  };
}

/** fetch decompresses, so the cap counts decoded bytes and also stops a gzip bomb. */
async function readCapped(response: Response, limit: number, deadline: AttemptDeadline): Promise<string> {
  const body = response.body;
  // No body (a HEAD, a 204) whatever its Content-Length says.
  if (!body) return '';
  if (Number(response.headers.get('content-length')) > limit) {
    void body.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new BodyTooLarge();
      chunks.push(value);
    }
  } catch (err) {
    // Stop the download (and the decompression) now rather than when GC finds it.
    reader.cancel().catch(() => undefined);
    throw err;
  }
  return decodeChunks(chunks, size);
}
