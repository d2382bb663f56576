/** What each status becomes at the edges of its class: 599 is an answer and 600 is not, 300 a refused redirect, a redirect's Location read with care. */
import { describe, expect, it } from 'vitest';
import { createFungiesClient, DEFAULTS, FungiesConnectionError, FungiesRedirectError } from '../../src/index.js';
import { createTransport } from '../../src/transport.js';
import { PUBLIC_KEY, settle } from '../helpers.js';
import { type Loopback, serveClosedAfterEach } from '../loopback.js';

const serve = serveClosedAfterEach();

describe.each([
  ['node:http', undefined],
  ['global fetch', globalThis.fetch],
] as const)('through %s', (_name, fetch) => {
  const clientFor = (server: Loopback) => createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, fetch, retry: false });

  it('a 599 is the last final status: an answer, not a broken exchange', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(599, { 'content-type': 'application/json' });
      res.end('{"status":"error","error":{"message":"network read timeout"}}');
    });
    const { error, response } = await clientFor(server).GET('/v0/orders/list');
    expect(response.status).toBe(599);
    expect(error).toEqual({ status: 'error', error: { message: 'network read timeout' } });
  });

  it('a status past 599 is not an answer: a connection error naming it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(600, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const error = await settle(clientFor(server).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect((error as Error).message).toBe(
      `GET ${server.url}/v0/orders/list: the server answered with status 600, which is not a final HTTP status`,
    );
  });

  it('a 300 is a redirect, refused like the others', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(300, { location: 'https://mirror.example/v0/orders/list' });
      res.end();
    });
    const error = await settle(clientFor(server).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesRedirectError);
    expect((error as FungiesRedirectError).status).toBe(300);
    expect((error as FungiesRedirectError).location).toBe('https://mirror.example');
  });

  it.each([
    ['no Location', undefined],
    ['a Location that is not a URL', 'http://[bad'],
  ])('a redirect with %s is refused without naming a target', async (_case, location) => {
    const server = await serve((_req, res) => {
      res.writeHead(302, location === undefined ? {} : { location });
      res.end();
    });
    const error = await settle(clientFor(server).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesRedirectError);
    expect((error as FungiesRedirectError).location).toBeUndefined();
    expect((error as Error).message).toBe(
      `302 GET ${server.url}/v0/orders/list: the server answered with a redirect, which the client does not follow (the keys and the body would go with it); check baseUrl`,
    );
  });
});

describe('an injected fetch that hands back an interim status', () => {
  it('is a connection error naming it, never an answer', async () => {
    // node:http and undici keep 1xx to themselves; a caller's fetch (a polyfill) might not.
    const transport = createTransport({
      fetch: async () => Object.defineProperty(new Response(null), 'status', { value: 101 }),
      timeout: false,
      retry: { ...DEFAULTS.retry, limit: 0 },
      maxResponseBytes: DEFAULTS.maxResponseBytes,
    });
    const error = await settle(
      transport.send({ url: 'https://api.test/v0/orders/list', method: 'GET', headers: {}, body: null, path: '/v0/orders/list' }),
    );
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect((error as Error).message).toBe(
      'GET https://api.test/v0/orders/list: the server answered with status 101, which is not a final HTTP status',
    );
  });
});

describe('retry.statusCodes', () => {
  it('can make a 400 worth another attempt', async () => {
    const statuses = [400, 200];
    const sent: number[] = [];
    const transport = createTransport({
      fetch: async () => {
        const status = statuses.shift() ?? 200;
        sent.push(status);
        return new Response('{}', { status });
      },
      timeout: false,
      retry: { ...DEFAULTS.retry, statusCodes: [400] },
      maxResponseBytes: DEFAULTS.maxResponseBytes,
      sleep: async () => undefined,
    });
    const response = await transport.send({
      url: 'https://api.test/v0/orders/list',
      method: 'GET',
      headers: {},
      body: null,
      path: '/v0/orders/list',
    });
    expect(response.status).toBe(200);
    expect(sent).toEqual([400, 200]);
  });
});
