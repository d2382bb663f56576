/** The strict JSON scan: duplicate keys and numbers JSON.parse cannot hold, found in the raw text. */
import { describe, expect, it } from 'vitest';
import { parseJson, scanJson } from '../../../contract-tests/engine/strict-json.js';

describe('scanJson', () => {
  it('finds a key written twice, at any depth, by its pointer', () => {
    expect(scanJson('{"a":1,"b":{"c":[{"d":1,"d":2}]},"a":3}').duplicateKeys).toEqual(['/b/c/0/d', '/a']);
  });

  it('compares keys after unescaping and escapes the pointer', () => {
    expect(scanJson('{"a/b":1,"a\\/b":2,"x\\"y":1}').duplicateKeys).toEqual(['/a~1b']);
  });

  it('keeps integers beyond ±2^53 as written, and nothing else', () => {
    const { rawNumbers } = scanJson(
      '{"big":9007199254740993,"neg":-9007199254740993,"ok":9007199254740991,"f":1.5,"e":1e400,"s":"9007199254740993"}',
    );
    expect(Object.fromEntries(rawNumbers)).toEqual({ '/big': '9007199254740993', '/neg': '-9007199254740993' });
  });

  it('finds nothing in clean JSON and does not throw on nesting it will not follow', () => {
    expect(scanJson('{"a":[1,2,{"b":null}],"c":"}{"}')).toEqual({ duplicateKeys: [], rawNumbers: new Map() });
    expect(() => scanJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).not.toThrow();
  });
});

describe('scanJson given the parsed value', () => {
  it('finds what the scan alone finds, in compact text as much as in pretty text', () => {
    const texts = [
      '{"a":1,"a":2}',
      '{"b":{"c":[{"d":1,"d":2}]}}',
      '{"big":9007199254740993}',
      '{"exact":9007199254740992,"neg":-18014398509481984}',
      '[{"id":"x","n":1}]',
      '{ "a": 1, "a": 1 }',
      '{"a":"9007199254740993"}',
    ];
    for (const text of texts) expect(scanJson(text, JSON.parse(text)), text).toEqual(scanJson(text));
    expect(scanJson('{"exact":9007199254740992}', JSON.parse('{"exact":9007199254740992}')).rawNumbers.get('/exact')).toBe(
      '9007199254740992',
    );
  });
});

describe('parseJson', () => {
  it("gives the value, or the parser's message instead of throwing", () => {
    expect(parseJson('{"a":null}')).toEqual({ value: { a: null } });
    expect(parseJson('null')).toEqual({ value: null });
    const bad = parseJson('{nope');
    expect([bad.value, bad.error]).toEqual([undefined, expect.stringMatching(/JSON/)]);
    expect(parseJson('').error).toMatch(/JSON/);
  });
});
