/** What a caller passes reaches the wire only as the API expects it, or fails as a FungiesConfigError before anything is sent. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFungies, createFungiesClient, FungiesConfigError, FungiesTimeoutError } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const list = { status: 'success', data: { orders: [], count: 0 } };
const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function server(delayMs = 0): Promise<Loopback> {
  const s = await loopback((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(list));
    }, delayMs);
  });
  open.push(s);
  return s;
}

const clientFor = (s: Loopback, options: Record<string, unknown> = {}) =>
  createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: s.url, retry: { limit: 2 }, ...options });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('timeouts setTimeout cannot hold', () => {
  it('a timeout of 2^31 ms is refused, not turned into a 1 ms timeout', async () => {
    const s = await server(50);
    const error = await rejection(Promise.resolve().then(() => clientFor(s, { timeout: 2 ** 31 }).GET('/v0/orders/list')));
    expect(error).not.toBeInstanceOf(FungiesTimeoutError);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('timeout');
    expect((error as Error).message).toContain('2147483647');
    expect(s.seen).toHaveLength(0);
  });

  it('the largest timer setTimeout can hold still works', async () => {
    const s = await server(50);
    const { data } = await clientFor(s, { timeout: 2 ** 31 - 1 }).GET('/v0/orders/list');
    expect(data).toEqual(list);
  });

  it('a per-call timeout of 2^31 ms is refused', async () => {
    const s = await server(50);
    const error = await rejection(clientFor(s).GET('/v0/orders/list', { timeout: 2 ** 40 }));
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect(s.seen).toHaveLength(0);
  });

  it('a maxRetryAfterMs setTimeout cannot hold is refused', () => {
    expect(() => createFungies({ publicKey: PUBLIC_KEY, retry: { maxRetryAfterMs: 2 ** 31 } })).toThrow(FungiesConfigError);
  });
});

describe('query parameter names', () => {
  it('are encoded: & and = in a name inject nothing, # drops nothing', async () => {
    const s = await server();
    const query = { 'a&admin=1': 'x', 'b#c': 'y', take: 5 } as never;
    await clientFor(s).GET('/v0/orders/list', { params: { query } });
    const params = new URL(s.seen[0]!.url, s.url).searchParams;
    expect([...params.keys()].sort()).toEqual(['a&admin=1', 'b#c', 'take']);
    expect(params.get('a&admin=1')).toBe('x');
    expect(params.get('b#c')).toBe('y');
    expect(params.get('take')).toBe('5');
  });

  it('of an object (deepObject) parameter are encoded too', async () => {
    const s = await server();
    const query = { filter: { 'k&evil': 'v' } } as never;
    await clientFor(s).GET('/v0/orders/list', { params: { query } });
    const params = new URL(s.seen[0]!.url, s.url).searchParams;
    expect([...params.keys()]).toEqual(['filter[k&evil]']);
  });
});

describe('headers that frame or route the request', () => {
  it.each(['host', 'Host', 'transfer-encoding', 'content-length', 'connection', 'upgrade', 'te', 'trailer', 'expect', 'keep-alive'])(
    'a per-call %s header is refused and nothing is sent',
    async (name) => {
      const s = await server();
      const error = await rejection(clientFor(s).GET('/v0/orders/list', { headers: { [name]: 'evil.example' } }));
      expect(error).toBeInstanceOf(FungiesConfigError);
      expect((error as Error).message).toContain(`headers.${name}`);
      expect(s.seen).toHaveLength(0);
    },
  );

  it('a host header in params.header is refused as well', async () => {
    const s = await server();
    const error = await rejection(clientFor(s).GET('/v0/orders/list', { params: { header: { host: 'evil.example' } as never } }));
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect(s.seen).toHaveLength(0);
  });

  it('a client-wide transfer-encoding header is refused when the client is created', () => {
    expect(() => createFungies({ publicKey: PUBLIC_KEY, headers: { 'Transfer-Encoding': 'chunked' } })).toThrow(FungiesConfigError);
  });
});

describe('characters a header cannot carry', () => {
  it.each([
    ['a euro sign', 'price €5'],
    ['\\x01', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['an escape sequence', '\u001b[31mred'],
  ])('%s in a header value is a FungiesConfigError, never a retried connection error', async (_name, value) => {
    const s = await server();
    const error = await rejection(clientFor(s).GET('/v0/orders/list', { headers: { 'x-note': value } }));
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('headers');
    expect(s.seen).toHaveLength(0);
  });

  it('Latin-1 text (obs-text) is still sent', async () => {
    const s = await server();
    await clientFor(s).GET('/v0/orders/list', { headers: { 'x-note': 'café' } });
    expect(s.seen).toHaveLength(1);
  });

  it.each([
    ['publicKey', { publicKey: 'pub_abc€def' }],
    ['publicKey', { publicKey: 'pub_abc\u0001def' }],
    ['secretKey', { secretKey: 'sec_abc\u007fdef' }],
  ])('a %s with a character a header cannot carry fails when the client is created', (option, keys) => {
    let error: unknown;
    try {
      createFungiesClient({ publicKey: PUBLIC_KEY, ...keys });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe(option);
    expect((error as Error).message).not.toContain('abc');
  });
});
