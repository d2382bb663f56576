/**
 * The sender over an injected fetch: what it hands fetch, how it reads what fetch gives back
 * (a browser's opaque redirect, a Response without a URL or a body), and that a body it stops
 * reading is cancelled rather than left downloading.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AttemptDeadline } from '../../src/deadline.js';
import { BodyTooLarge } from '../../src/exchange.js';
import { fetchSender } from '../../src/fetch-send.js';
import { createFungiesClient, FungiesRedirectError, FungiesTimeoutError, ResponseTooLargeError } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY, settle } from '../helpers.js';
import { drip, type Loopback, type LoopbackHandler, loopback } from '../loopback.js';

const open: Loopback[] = [];
const deadlines: AttemptDeadline[] = [];
afterEach(async () => {
  for (const deadline of deadlines.splice(0)) deadline.done();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A loopback server that also tells whether the connections of the requests it saw were closed. */
async function serve(handler: LoopbackHandler): Promise<Loopback & { allClosed: () => Promise<boolean> }> {
  const sockets = new Set<Socket>();
  const server = await loopback((req, res, body) => {
    sockets.add(req.socket);
    req.socket.on('close', () => sockets.delete(req.socket));
    handler(req, res, body);
  });
  open.push(server);
  return {
    ...server,
    allClosed: async () => {
      for (let i = 0; i < 100 && sockets.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return sockets.size === 0;
    },
  };
}

function deadline(timeout: number | false = 10_000): AttemptDeadline {
  const made = new AttemptDeadline(timeout, undefined);
  deadlines.push(made);
  return made;
}

const get = (url: string) => ({ url, method: 'GET', headers: {}, body: null });

/** A client over `fetch` with one try per call. */
const clientWith = (fetch: typeof globalThis.fetch, options: Record<string, unknown> = {}) =>
  createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: 'http://127.0.0.1:9', fetch, retry: false, ...options });

describe('what fetch gives back', () => {
  it("a browser's opaque redirect (status 0) is a redirect, not a broken status", async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      statusText: '',
      headers: new Headers(),
      url: '',
      body: null,
    } as unknown as Response;
    const error = await settle(clientWith(async () => opaque).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesRedirectError);
  });

  it('a redirect without a body is refused as a redirect', async () => {
    const redirect = new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    const error = await settle(clientWith(async () => redirect).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesRedirectError);
  });

  it('a redirect whose body already failed is refused as a redirect, with nothing left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const body = new ReadableStream({
        start(controller) {
          controller.error(new Error('the body broke'));
        },
      });
      const redirect = new Response(body, { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
      const error = await settle(clientWith(async () => redirect).GET('/v0/orders/list'));
      expect(error).toBeInstanceOf(FungiesRedirectError);
      // Unhandled rejections are reported after the microtasks of the turn that made them.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it("a Response without a URL (one a test or a wrapper built) is the request's URL", async () => {
    const { response } = await clientWith(async () => new Response('{"status":"success","data":{}}')).GET('/v0/orders/list');
    expect(response.url).toBe('http://127.0.0.1:9/v0/orders/list');
  });

  it('a Response with a URL keeps it', async () => {
    const answered = new Response('{"status":"success","data":{}}');
    Object.defineProperty(answered, 'url', { value: 'http://127.0.0.1:9/v0/orders/list?from=cache' });
    const { response } = await clientWith(async () => answered).GET('/v0/orders/list');
    expect(response.url).toBe('http://127.0.0.1:9/v0/orders/list?from=cache');
  });
});

describe('the body, read from a real fetch', () => {
  const sender = fetchSender(globalThis.fetch);

  it.each([
    ['a Content-Length', true],
    ['chunks', false],
  ])('of exactly the cap with %s is read; one byte more is too large', async (_name, withLength) => {
    const server = await serve((_req, res) => {
      if (withLength) res.setHeader('content-length', '100');
      res.end('x'.repeat(100));
    });
    const read = async (limit: number) => {
      const d = deadline();
      return (await sender(get(`${server.url}/x`), d)).read(limit, d).catch((e: unknown) => e);
    };
    expect(await read(100)).toBe('x'.repeat(100));
    expect(await read(99)).toBeInstanceOf(BodyTooLarge);
  });

  it('of a HEAD is empty, whatever length it announces (no body follows a HEAD)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000000' });
      res.end();
    });
    const d = deadline();
    const exchange = await sender({ ...get(`${server.url}/x`), method: 'HEAD' }, d);
    expect(await exchange.read(1_000_000, d).catch((e: unknown) => e)).toBe('');
  });

  it('announced above the cap is refused before a byte of it arrives, and the download stopped', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000000' });
      res.flushHeaders();
    });
    // The body never comes: only the Content-Length can end this call before its timeout.
    const error = await settle(
      clientWith(globalThis.fetch, { baseUrl: server.url, timeout: 5_000, maxResponseBytes: 1_000_000 }).GET('/v0/orders/list'),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(await server.allClosed()).toBe(true);
  });

  it('that never ends is stopped at the cap, and the download with it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      drip(res, Buffer.alloc(16 * 1024, 0x20), 5);
    });
    const error = await settle(clientWith(globalThis.fetch, { baseUrl: server.url, maxResponseBytes: 100_000 }).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(await server.allClosed()).toBe(true);
  });

  it('of a redirect is not downloaded: the connection is dropped with it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: '/elsewhere', 'content-type': 'text/plain' });
      drip(res, 'moved ', 5);
    });
    const error = await settle(clientWith(globalThis.fetch, { baseUrl: server.url }).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesRedirectError);
    expect(await server.allClosed()).toBe(true);
  });

  it('of a server that never answers: the timeout aborts the fetch itself, not only the wait for it', async () => {
    const server = await serve(() => undefined);
    const error = await settle(clientWith(globalThis.fetch, { baseUrl: server.url, timeout: 300 }).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect(await server.allClosed()).toBe(true);
  });

  it('of a 204 is empty', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const d = deadline();
    expect(await (await sender(get(`${server.url}/x`), d)).read(100, d)).toBe('');
  });
});
