// Body bytes to text as Response.text() decodes them, whether the body is ASCII (copied) or not (decoded).
import { describe, expect, it } from 'vitest';
import { decodeChunks } from '../../src/exchange.js';

const bytes = (...parts: (string | number[])[]) =>
  parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
const total = (chunks: Uint8Array[]) => chunks.reduce((n, c) => n + c.byteLength, 0);
const viaResponse = (chunks: Uint8Array[]) => new Response(Buffer.concat(chunks)).text();

describe('decodeChunks', () => {
  const cases: [string, Uint8Array[]][] = [
    ['ASCII in one chunk', bytes('{"a":"b"}')],
    ['ASCII over several chunks', bytes('{"a":', '"b', '"}')],
    ['a BOM, dropped', bytes([0xef, 0xbb, 0xbf], '{"a":1}')],
    ['a character split across chunks', bytes('{"a":"', [0xe2, 0x82], [0xac], '"}')],
    ['invalid UTF-8, replaced', bytes('{"a":"', [0xff, 0xc3], '"}')],
    ['Latin-1 high bytes, not taken as Latin-1', bytes([0x63, 0x61, 0x66, 0xe9])],
    ['a NUL and DEL (still ASCII)', bytes([0x00, 0x7f, 0x41])],
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
    const ascii = bytes('["', 'a'.repeat(1_200_000), '"]');
    expect(decodeChunks(ascii, total(ascii))).toBe(await viaResponse(ascii));
    const mixed = bytes('["', 'é'.repeat(600_000), '"]');
    expect(decodeChunks(mixed, total(mixed))).toBe(await viaResponse(mixed));
  });
});
