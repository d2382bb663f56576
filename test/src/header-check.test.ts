/** Which headers a caller may pass: each refusal is a FungiesConfigError naming the option, the header and the fix; what can be sent passes. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkHeaders } from '../../src/headers.js';
import { createFungiesClient, FungiesConfigError } from '../../src/index.js';
import { PUBLIC_KEY, settle } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

function refusal(headers: unknown, option = 'headers'): FungiesConfigError {
  try {
    checkHeaders(headers, option);
  } catch (err) {
    expect(err).toBeInstanceOf(FungiesConfigError);
    expect((err as FungiesConfigError).option).toBe(option);
    return err as FungiesConfigError;
  }
  throw new Error(`checkHeaders accepted ${String(headers)}`);
}

const LINE_BREAK = 'contains a line break or NUL, which would split or end the header; send it on one line';
const NOT_SENDABLE =
  'contains a control character or a character outside Latin-1, which a header cannot carry; encode it (e.g. encodeURIComponent)';

describe('checkHeaders', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a Headers', new Headers({ 'x-a': '1' })],
    ['an empty object', {}],
  ])('accepts %s', (_name, headers) => {
    expect(() => checkHeaders(headers, 'headers')).not.toThrow();
  });

  it.each([
    ['a string', 'x-trace-id: abc'],
    ['an array of pairs', [['x-trace-id', 'abc']]],
    ['a number', 42],
  ])('refuses %s, naming the option and the expected shape', (_name, headers) => {
    expect(refusal(headers, 'params.header').message).toBe(
      "params.header must be an object of header names to values, e.g. { 'x-trace-id': 'abc' }",
    );
  });

  it('refuses a name that is not an HTTP token', () => {
    expect(refusal({ 'x trace': 'abc' }).message).toBe(
      'headers.x trace is not a valid header name: use letters, digits and - (no spaces or colons)',
    );
  });

  it.each(['Host', 'CONTENT-LENGTH', 'Transfer-Encoding'])('refuses %s whatever its case', (name) => {
    expect(refusal({ [name]: 'x' }).message).toBe(
      `headers.${name} is set by the client from the URL and the body; remove it (a caller's value would route or frame the request differently)`,
    );
  });

  it('tells a line break from a character a header cannot carry', () => {
    expect(refusal({ 'x-note': 'a\nb' }).message).toBe(`headers.x-note ${LINE_BREAK}`);
    expect(refusal({ 'x-note': 'a\u0001b' }).message).toBe(`headers.x-note ${NOT_SENDABLE}`);
    expect(refusal({ 'x-note': 'a€' }).message).toBe(`headers.x-note ${NOT_SENDABLE}`);
  });

  it('checks every element of an array value, not only the first', () => {
    expect(refusal({ 'x-note': ['fine', 'a\r\nx-evil: 1'] }).message).toBe(`headers.x-note ${LINE_BREAK}`);
    expect(refusal({ 'x-note': ['fine', 'a€'] }).message).toBe(`headers.x-note ${NOT_SENDABLE}`);
  });

  it('checks the text a non-string value is sent as', () => {
    // openapi-fetch and the direct path both send String(value).
    expect(refusal({ 'x-note': { toString: () => 'a\r\nx-evil: 1' } }).message).toBe(`headers.x-note ${LINE_BREAK}`);
    expect(refusal({ 'x-note': ['fine', { toString: () => 'a€' }] }).message).toBe(`headers.x-note ${NOT_SENDABLE}`);
  });

  it('accepts what can be sent: tabs, Latin-1, numbers, and null or undefined (which remove a header)', () => {
    expect(() => checkHeaders({ 'x-a': 'a\tb café', 'x-b': 5, 'x-c': null, 'x-d': undefined, 'x-e': ['1', 2] }, 'headers')).not.toThrow();
  });
});

describe('a header value that is not a string, through a client', () => {
  const open: Loopback[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it.each([
    ['node:http', undefined],
    ['global fetch', globalThis.fetch],
  ] as const)('is refused before anything is sent (%s), never a retried connection error', async (_name, fetch) => {
    const server = await loopback((_req, res) => res.end('{}'));
    open.push(server);
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, fetch, retry: 2 });
    const value = { toString: () => 'a€' } as unknown as string;
    const error = await settle(client.GET('/v0/orders/list', { headers: { 'x-note': value } }));
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).message).toBe(`headers.x-note ${NOT_SENDABLE}`);
    expect(server.seen).toHaveLength(0);
  });
});
