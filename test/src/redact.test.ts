/** Keys never travel on in anything a caller may log: messages, bodies, headers, validation details. */
import { describe, expect, it } from 'vitest';
import { FungiesApiError, ResponseParseError, ResponseValidationError, unwrap } from '../../src/index.js';
import { maskKey, redact, redactBody, redactExcerpt, redactHeaders, redactValue } from '../../src/redact.js';
import { createTestClient, everythingPrinted, json, PUBLIC_KEY, SECRET_KEY, settle } from '../helpers.js';

const KEYS = [PUBLIC_KEY, SECRET_KEY];
/** Every way a server was seen to echo a key: glued to a word character, followed by punctuation. */
const ECHOES = KEYS.flatMap((k) => [`Z${k}`, `${k}.`, `${k}/x`, `${k}+y`, `a_${k}_b`, `"${k}"`]);

const expectNoKey = (text: string) => {
  for (const key of KEYS) expect(text).not.toContain(key.slice(4));
};

describe('redact', () => {
  it.each(ECHOES)('removes the configured key in %j', (text) => {
    expectNoKey(redact(text, KEYS));
  });

  it('removes a configured key also in its URL-encoded form (a query string, a curl line)', () => {
    const key = 'sec_Key/With+Odd=Chars';
    expect(redact(`?k=${encodeURIComponent(key)}&x=1 and ${key}`, [key])).toBe('?k=[redacted]&x=1 and [redacted]');
  });

  it('replaces a secret once: one that also occurs in the marker is not replaced again inside it', () => {
    // Any non-empty string is taken as a key, and 'red' encodes to itself: one pass, not two.
    expect(redact('the word red', ['red'])).toBe('the word [redacted]');
    expect(redact('red, red', ['red'])).toBe('[redacted], [redacted]');
  });

  it('removes key-shaped text of keys it was not given, even glued to a word', () => {
    expect(redact('Zsec_OtherSecretKey99 and pub_OtherPublic1.', [])).toBe('Zsec_[redacted] and pub_[redacted].');
  });

  it('stays linear and does not throw on a 6 MB run of key characters', () => {
    const out = redact(`sec_${'a'.repeat(6_000_000)}`, KEYS);
    expect(out).toBe('sec_[redacted]');
  });

  it('handles a 6 MB body full of keys', () => {
    const out = redact(`${SECRET_KEY} `.repeat(250_000), KEYS);
    expectNoKey(out);
  });

  it('never shows part of a key cut by the excerpt', () => {
    const text = `${'x'.repeat(190)}${SECRET_KEY}${'y'.repeat(100)}`;
    const out = redactExcerpt(text, KEYS, 200);
    expect(out).not.toContain('sec_Test');
    expect(out.length).toBeLessThanOrEqual(201);
  });

  it('excerpts a 6 MB body without redacting all of it', () => {
    expect(redactExcerpt(`${'a'.repeat(6_000_000)}`, KEYS, 50)).toBe(`${'a'.repeat(50)}…`);
  });

  it('redacts strings and property names at any depth, without recursion', () => {
    let deep: unknown = { [SECRET_KEY]: `Z${PUBLIC_KEY}` };
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const out = redactValue(deep, KEYS);
    let inner: unknown = out;
    for (let i = 0; i < 10_000; i++) inner = (inner as unknown[])[0];
    expect(inner).toEqual({ '[redacted]': 'Z[redacted]' });
  });

  it('leaves values without keys as they are', () => {
    const value = { a: [1, true, null, 'text'], b: { c: 2.5 } };
    expect(redactValue(value, KEYS)).toEqual(value);
  });

  it('redacts header values and drops headers whose name carries a key', () => {
    const out = redactHeaders(
      new Headers({ 'x-echo': `Z${SECRET_KEY}.`, [`x-${PUBLIC_KEY.toLowerCase()}`]: '1', 'x-request-id': 'r1' }),
      KEYS,
    );
    expect([...out.entries()]).toEqual([
      ['x-echo', 'Z[redacted].'],
      ['x-request-id', 'r1'],
    ]);
  });
});

describe('where a key-shaped run starts and ends', () => {
  it('takes letters, digits, _ and - (every edge of each range) into the key, and stops at anything else', () => {
    expect(redact('a pub_AZaz09_-Z.rest sec_Zz90-_x:tail, sec_9aZ0 end')).toBe(
      'a pub_[redacted].rest sec_[redacted]:tail, sec_[redacted] end',
    );
  });

  it('stops at the characters just past each range: [ ` { ~ and non-ASCII letters', () => {
    expect(redact('sec_abcd[1] pub_WXYZ`2 sec_mnop{3} pub_qrst~4 sec_uvwxé5')).toBe(
      'sec_[redacted][1] pub_[redacted]`2 sec_[redacted]{3} pub_[redacted]~4 sec_[redacted]é5',
    );
  });

  it('needs four key characters after the prefix: sec_abc is a word, sec_abcd a key', () => {
    expect(redact('sec_abc sec_abcd')).toBe('sec_abc sec_[redacted]');
  });

  it('leaves text alone for a client without a secret key (undefined is not a secret, nor is the word "undefined")', () => {
    expect(redact('value undefined, null', [undefined, ''])).toBe('value undefined, null');
    expect(redactExcerpt('value undefined', [PUBLIC_KEY, undefined])).toBe('value undefined');
  });
});

describe('maskKey', () => {
  it('keeps only a leading pub_ or sec_ prefix, so a report tells which key it was', () => {
    expect(maskKey(SECRET_KEY)).toBe('sec_****');
    expect(maskKey(PUBLIC_KEY)).toBe('pub_****');
    expect(maskKey('key_sec_abcd')).toBe('****');
    expect(maskKey('')).toBe('****');
  });
});

describe('excerpts', () => {
  it('keeps a text of up to 200 characters whole, and marks a cut with …', () => {
    expect(redactExcerpt('x'.repeat(150))).toBe('x'.repeat(150));
    expect(redactExcerpt('x'.repeat(200))).toBe('x'.repeat(200));
    expect(redactExcerpt('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
  });

  it('never shows a long configured secret in part: the window reaches past the cut by the longest one', () => {
    for (const length of [700, 1_000]) {
      const secret = 'k'.repeat(length);
      expect(redactExcerpt(`${secret} ${'tail '.repeat(1_000)}`, [secret])).toBe(`[redacted] ${'tail '.repeat(37)}tail…`);
    }
  });

  it('marks a cut even when what is left after collapsing whitespace is short', () => {
    expect(redactExcerpt(`a${' '.repeat(5_000)}b`)).toBe('a…');
  });

  it('never throws, whatever it is given', () => {
    expect(redactExcerpt(null as never)).toBe('[body could not be shown]');
  });
});

describe('bodies and values', () => {
  it('keeps an absent body absent, and a body it cannot read is said to be so', () => {
    expect(redactBody(undefined, KEYS)).toBeUndefined();
    expect(redactBody({ a: 1 }, KEYS, 'not json')).toBe('[body could not be shown]');
  });

  it('keeps a text body of up to 64 KiB whole, and cuts a longer one there, marked with …', () => {
    const limit = 64 * 1024;
    expect(redactBody('x'.repeat(limit), KEYS)).toBe('x'.repeat(limit));
    expect(redactBody(`${'x'.repeat(limit)}y`, KEYS)).toBe(`${'x'.repeat(limit)}…`);
  });

  it('returns numbers, booleans and null as they are', () => {
    expect(redactValue(5, KEYS)).toBe(5);
    expect(redactValue(true, KEYS)).toBe(true);
    expect(redactValue(null, KEYS)).toBeNull();
  });

  it('copies an object that appears twice in full both times, and the copy is a plain object the caller may change', () => {
    const shared = { note: `key ${SECRET_KEY}` };
    const copy = redactValue({ a: shared, b: shared }, KEYS) as { a: { note: string }; b: { note: string } };
    expect(copy).toEqual({ a: { note: 'key [redacted]' }, b: { note: 'key [redacted]' } });
    copy.a.note = 'changed';
    delete (copy as { b?: unknown }).b;
    expect(copy).toEqual({ a: { note: 'changed' } });
  });
});

describe('errors from a server that echoes the keys', () => {
  it('an API error carries no key in its headers, body or message', async () => {
    const { client } = createTestClient((r) =>
      json({ status: 'error', error: { message: `bad key Z${r.headers.get('x-fngs-public-key')}.` }, echo: ECHOES }, 400, {
        'x-echo-public': `Z${r.headers.get('x-fngs-public-key')}/`,
        'x-echo-secret': `${SECRET_KEY}+`,
      }),
    );
    const err = await settle(unwrap(client.GET('/v0/orders/list')));
    expect(err).toBeInstanceOf(FungiesApiError);
    expect((err as FungiesApiError).headers.get('x-echo-public')).toBe('Z[redacted]/');
    expectNoKey(everythingPrinted(err));
  });

  it('a 2xx body that is not JSON gives a ResponseParseError without the key', async () => {
    const { client } = createTestClient(() => new Response(`<html>Z${SECRET_KEY}. Z${PUBLIC_KEY}/</html>`, { status: 200 }));
    const err = await settle(client.GET('/v0/orders/list'));
    expect(err).toBeInstanceOf(ResponseParseError);
    expectNoKey(everythingPrinted(err));
  });

  it('a 6 MB 2xx body that is not JSON gives a short ResponseParseError', async () => {
    const { client } = createTestClient(() => new Response(`sec_${'a'.repeat(6_000_000)}`, { status: 200 }));
    const err = await settle(client.GET('/v0/orders/list'));
    expect(err).toBeInstanceOf(ResponseParseError);
    expect((err as Error).message.length).toBeLessThan(1_000);
  });

  it('a 2xx body that breaks the schema gives a ResponseValidationError whose errors carry no key', async () => {
    const { client } = createTestClient(
      () => json({ status: 'success', data: { orders: [{ id: `Z${SECRET_KEY}.`, note: `${PUBLIC_KEY}/` }], count: `Z${SECRET_KEY}+` } }),
      { validateResponses: true },
    );
    const err = await settle(client.GET('/v0/orders/list'));
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as ResponseValidationError).errors.length).toBeGreaterThan(0);
    expectNoKey(everythingPrinted(err));
  });
});
