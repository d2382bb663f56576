/** sanitize() keeps a clean string as it is and rewrites every other one exactly as oneLine(replaceSecrets()) does. */
import { describe, expect, it } from 'vitest';
import { oneLine, sanitize } from '../../../contract-tests/engine/safe-text.js';
import { maskKey, replaceSecrets } from '../../../src/redact.js';

const KEYS = ['pub_SafeTextKey123', 'sec_Safe/Text+Key=1'];

const STRINGS = [
  'plain text',
  '',
  'ends with a newline\n',
  'carriage\rreturn',
  '::set-output name=x::y',
  '  \t::indented workflow command',
  'a :: in the middle',
  'escape \u001b[31mred\u001b[0m',
  'delete \u007f and C1 \u0085',
  'bidi \u202eoverride\u202c and isolate \u2066x\u2069',
  'non-characters \ufffe \uffff',
  'lone high \ud800 and lone low \udc00, a pair \ud83d\ude00 stays',
  'line separator \u2028 stays',
  `echoed ${KEYS[0]} glued:x${KEYS[1]}y`,
  `url-encoded ${encodeURIComponent(KEYS[1]!)}&next`,
  `${KEYS[0]}\n::with a newline`,
  "another merchant pub_SomeoneElse999 is not one of the run's keys",
];

describe('sanitize', () => {
  it('rewrites each string, key and nested value as oneLine(replaceSecrets()) does', () => {
    const reference = (s: string) => oneLine(replaceSecrets(s, KEYS, maskKey));
    const value = {
      list: STRINGS,
      nested: Object.fromEntries(STRINGS.map((s, i) => [s, { i, s, flag: i % 2 === 0, none: null }])),
    };
    expect(sanitize(value, [...KEYS, undefined, ''])).toEqual({
      list: STRINGS.map(reference),
      nested: Object.fromEntries(STRINGS.map((s, i) => [oneLine(s), { i, s: reference(s), flag: i % 2 === 0, none: null }])),
    });
  });

  it('keeps a key named __proto__ as a key of the copy, as a server may send one in a body', () => {
    const value = JSON.parse('{"__proto__":{"polluted":"\\u001b"},"a":1}') as Record<string, unknown>;
    const out = sanitize(value, KEYS) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: '\\u001b' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('copies: the value given is left as it was', () => {
    const value = { text: `key ${KEYS[0]}`, list: ['\u001b'] };
    const out = sanitize(value, KEYS);
    expect(out).not.toBe(value);
    expect(value).toEqual({ text: `key ${KEYS[0]}`, list: ['\u001b'] });
    expect(out).toEqual({ text: `key ${maskKey(KEYS[0]!)}`, list: ['\\u001b'] });
  });
});
