/**
 * A call is sent directly, or through openapi-fetch's Request when a caller's middleware needs
 * one: both ways hold the same guarantees, the per-call options included.
 */
import { describe, expect, it } from 'vitest';
import {
  createFungies,
  createFungiesClient,
  type FungiesClient,
  FungiesRedirectError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  ResponseTooLargeError,
} from '../../src/index.js';
import { cancelledOrder, PUBLIC_KEY, SECRET_KEY, settle } from '../helpers.js';
import { type Loopback, type LoopbackHandler, serveClosedAfterEach } from '../loopback.js';

const serve = serveClosedAfterEach();

const answer: LoopbackHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(cancelledOrder));
};

describe.each([
  ['sent directly', false],
  ['through openapi-fetch (a middleware is registered)', true],
])('a call %s', (_name, withMiddleware) => {
  const clientFor = (server: Loopback, options: Record<string, unknown> = {}): FungiesClient => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url, ...options });
    if (withMiddleware) client.use({ onRequest: () => undefined });
    return client;
  };
  const cancel = (client: FungiesClient, init: Record<string, unknown> = {}) =>
    client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {}, ...init });

  it('sends the keys, the body and the headers of the call', async () => {
    const server = await serve(answer);
    const { data } = await cancel(clientFor(server), { headers: { 'x-trace': 't1' } });
    expect(data).toEqual(cancelledOrder);
    const seen = server.seen[0]!;
    expect(seen.body).toBe('{}');
    expect(seen.headers['x-fngs-public-key']).toBe(PUBLIC_KEY);
    expect(seen.headers['x-fngs-secret-key']).toBe(SECRET_KEY);
    expect(seen.headers['x-trace']).toBe('t1');
    expect(seen.headers['content-type']).toBe('application/json');
  });

  it("honours the call's timeout over the client's", async () => {
    const server = await serve(() => undefined);
    const error = await settle(cancel(clientFor(server, { timeout: 60_000 }), { timeout: 200 }));
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toContain('200 ms');
  });

  it("honours the call's retry and maxResponseBytes", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...cancelledOrder, pad: 'x'.repeat(4096) }));
    });
    const error = await settle(cancel(clientFor(server), { maxResponseBytes: 1024, retry: false }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(server.seen).toHaveLength(1);
  });

  it("ends at the caller's abort", async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const pending = settle(cancel(clientFor(server), { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(FungiesUserAbortError);
  });

  it('refuses a redirect', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' });
      res.end();
    });
    expect(await settle(cancel(clientFor(server)))).toBeInstanceOf(FungiesRedirectError);
  });

  it('a resource method gives the same data', async () => {
    const server = await serve(answer);
    const fungies = createFungies({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    if (withMiddleware) fungies.client.use({ onRequest: () => undefined });
    expect(await fungies.orders.cancel('#ABC123DEF456')).toEqual(cancelledOrder.data);
  });
});
