/** Reads a response body once, as text, stopping at a byte cap counted on the decoded (decompressed) bytes. */
import type { AttemptDeadline } from './deadline.js';

const decoder = new TextDecoder();

export class BodyTooLarge extends Error {}

/** The body as text (a UTF-8 BOM dropped, as `Response.text()` does); throws BodyTooLarge past `limit` bytes. */
export async function readCapped(response: Response, limit: number, deadline: AttemptDeadline): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  const body = response.body;
  if (!body) return '';
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
    // Stop the download (and, for fetch, the decompression) now rather than when GC finds it.
    reader.cancel().catch(() => undefined);
    throw err;
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
