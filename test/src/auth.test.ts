/**
 * Which key headers reach the wire, whichever way a call is sent (directly, or through
 * openapi-fetch when a caller's middleware is registered): the secret key only where the spec
 * asks for it, never an empty or "undefined" one, and a call the spec does not document gets the
 * public key alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFungiesClient, type FungiesClient, FungiesConfigError } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(): Promise<Loopback> {
  const server = await loopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', data: { orders: [], count: 0 } }));
  });
  open.push(server);
  return server;
}

describe.each([
  ['sent directly', false],
  ['through openapi-fetch', true],
])('key headers of a call %s', (_name, withMiddleware) => {
  const clientFor = (server: Loopback, { withSecretKey = true } = {}): FungiesClient => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: withSecretKey ? SECRET_KEY : undefined, baseUrl: server.url });
    if (withMiddleware) client.use({ onRequest: () => undefined });
    return client;
  };

  it('a read carries the public key and no secret-key header at all', async () => {
    const server = await serve();
    await clientFor(server).GET('/v0/orders/list');
    const headers = server.seen[0]!.headers;
    expect(headers['x-fngs-public-key']).toBe(PUBLIC_KEY);
    expect(Object.keys(headers)).not.toContain('x-fngs-secret-key');
  });

  it('a read by a client without a secret key carries no secret-key header either', async () => {
    const server = await serve();
    await clientFor(server, { withSecretKey: false }).GET('/v0/orders/list');
    expect(Object.keys(server.seen[0]!.headers)).not.toContain('x-fngs-secret-key');
  });

  it('a path the spec does not document is still sent, with the public key only', async () => {
    const server = await serve();
    const { response } = await clientFor(server).GET('/v0/not-in-the-spec' as never);
    expect(response.status).toBe(200);
    expect(server.seen[0]!.url).toBe('/v0/not-in-the-spec');
    expect(server.seen[0]!.headers['x-fngs-public-key']).toBe(PUBLIC_KEY);
    expect(Object.keys(server.seen[0]!.headers)).not.toContain('x-fngs-secret-key');
  });

  it('a write without a secret key names the operation as the spec writes it and the fix', async () => {
    const server = await serve();
    const error = await clientFor(server, { withSecretKey: false })
      .PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as Error).message).toBe(
      'PatchV0OrdersOrderIdOrNumberCancel (PATCH /v0/orders/{orderIdOrNumber}/cancel) requires the secret key: ' +
        'pass createFungiesClient({ publicKey, secretKey: process.env.FUNGIES_SECRET_KEY })',
    );
    expect(server.seen).toHaveLength(0);
  });
});
