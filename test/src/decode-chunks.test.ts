/** A body read in chunks becomes its UTF-8 text: characters split across chunks joined, a BOM dropped, nothing lost or repeated. */
import { describe, expect, it } from 'vitest';
import { decodeChunks } from '../../src/exchange.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** `text` as UTF-8, cut into chunks at the given byte offsets. */
function cut(text: string, ...at: number[]): Uint8Array[] {
  const all = bytes(text);
  const bounds = [0, ...at, all.byteLength];
  return bounds.slice(1).map((end, i) => all.slice(bounds[i], end));
}

describe('decodeChunks', () => {
  it('decodes one chunk', () => {
    expect(decodeChunks([bytes('{"ok":true}')], 11)).toBe('{"ok":true}');
  });

  it('joins several chunks in order, each at its own offset', () => {
    const chunks = cut('{"status":"success"}', 3, 9, 15);
    expect(chunks).toHaveLength(4);
    expect(decodeChunks(chunks, 20)).toBe('{"status":"success"}');
  });

  it('joins a character whose bytes are split across chunks', () => {
    // '€' is three bytes: the first chunk ends after its first byte.
    const chunks = cut('a€b', 2);
    expect(decodeChunks(chunks, 5)).toBe('a€b');
  });

  it('drops a byte order mark, as Response.text() does, from one chunk or several', () => {
    expect(decodeChunks([bytes('\uFEFF{}')], 5)).toBe('{}');
    expect(decodeChunks(cut('\uFEFF{}', 1, 4), 5)).toBe('{}');
  });

  it('gives an empty text for no chunks', () => {
    expect(decodeChunks([], 0)).toBe('');
  });
});
