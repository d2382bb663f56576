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

// A body of ASCII only is copied, anything else decoded: both must give what Response.text() gives.
const parts = (...pieces: (string | number[])[]) =>
  pieces.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
const total = (chunks: Uint8Array[]) => chunks.reduce((n, c) => n + c.byteLength, 0);
const viaResponse = (chunks: Uint8Array[]) => new Response(Buffer.concat(chunks)).text();

describe('decodeChunks, the ASCII copy and the UTF-8 decoder alike', () => {
  const cases: [string, Uint8Array[]][] = [
    ['ASCII in one chunk', parts('{"a":"b"}')],
    ['ASCII over several chunks', parts('{"a":', '"b', '"}')],
    ['a BOM, dropped', parts([0xef, 0xbb, 0xbf], '{"a":1}')],
    ['a character split across chunks', parts('{"a":"', [0xe2, 0x82], [0xac], '"}')],
    ['invalid UTF-8, replaced', parts('{"a":"', [0xff, 0xc3], '"}')],
    ['Latin-1 high bytes, not taken as Latin-1', parts([0x63, 0x61, 0x66, 0xe9])],
    ['a NUL and DEL (still ASCII)', parts([0x00, 0x7f, 0x41])],
    ['nothing', []],
  ];
  for (const [name, chunks] of cases) {
    it(`${name}: as Response.text()`, async () => {
      expect(decodeChunks(chunks, total(chunks))).toBe(await viaResponse(chunks));
    });
  }

  it('reads a Uint8Array that is a view into a larger buffer by its own bytes', () => {
    const backing = new TextEncoder().encode('xx{"a":1}yy');
    expect(decodeChunks([backing.subarray(2, 9)], 7)).toBe('{"a":1}');
  });

  it('decodes a body over a megabyte, ASCII or not', async () => {
    const ascii = parts('["', 'a'.repeat(1_200_000), '"]');
    expect(decodeChunks(ascii, total(ascii))).toBe(await viaResponse(ascii));
    const mixed = parts('["', 'é'.repeat(600_000), '"]');
    expect(decodeChunks(mixed, total(mixed))).toBe(await viaResponse(mixed));
  });
});
