/** Middleware written for openapi-fetch's WHATWG Requests still works on the client's own request object. */
import { describe, expect, it } from 'vitest';
import { BadRequestError, ResponseParseError, unwrap } from '../../src/index.js';
import { createTestClient, json } from '../helpers.js';

const list = { status: 'success', data: { orders: [], count: 0 } };

describe('user middleware', () => {
  it('can read the method and url and set a header', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const seen: string[] = [];
    client.use({
      onRequest({ request }) {
        seen.push(`${request.method} ${request.url}`);
        request.headers.set('x-trace', 't1');
        return undefined;
      },
    });
    await client.GET('/v0/orders/list', { params: { query: { take: 5 } } });
    expect(seen).toEqual(['GET https://api.test/v0/orders/list?take=5']);
    expect(requests[0]?.headers.get('x-trace')).toBe('t1');
  });

  it('can replace the request with a WHATWG Request, body and keys kept', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: { order: {} } }));
    client.use({
      onRequest({ request }) {
        return new Request(request.url, { method: request.method, headers: request.headers, body: '{"swapped":true}' });
      },
    });
    await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });
    expect(await requests[0]?.text()).toBe('{"swapped":true}');
    expect(requests[0]?.headers.get('x-fngs-secret-key')).toMatch(/^sec_/);
  });
});

describe('large bodies below the cap', () => {
  const big = `{"status":"error","error":{"message":"too many"},"items":[${Array.from({ length: 120_000 }, (_, i) => `{"i":${i},"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`).join(',')}]}`;

  it('a 6 MB error body becomes a BadRequestError with the API message', async () => {
    expect(big.length).toBeGreaterThan(5_000_000);
    const { client } = createTestClient(() => new Response(big, { status: 400, headers: { 'content-type': 'application/json' } }));
    const error = await unwrap(client.GET('/v0/orders/list')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).apiMessage).toBe('too many');
  });

  it('a 6 MB non-JSON 2xx body becomes a ResponseParseError with a short excerpt', async () => {
    const { client } = createTestClient(
      () => new Response(`<html>${'x'.repeat(6_000_000)}`, { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const error = await client.GET('/v0/orders/list').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message.length).toBeLessThan(400);
  });
});

describe('bodies the redaction cannot take whole', () => {
  // A key-shaped run of 6 MB: a whole-body redaction overflows the regexp engine's stack.
  const keyShaped = `sec_${'A'.repeat(6_000_000)}`;

  it('a 6 MB key-shaped error body still becomes a BadRequestError', async () => {
    const { client } = createTestClient(() => new Response(keyShaped, { status: 400, headers: { 'content-type': 'text/plain' } }));
    const error = await unwrap(client.GET('/v0/orders/list')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).not.toContain('AAAAAAAA');
  });

  it('a 6 MB key-shaped 2xx body becomes a ResponseParseError', async () => {
    const { client } = createTestClient(() => new Response(keyShaped, { status: 200, headers: { 'content-type': 'text/plain' } }));
    const error = await client.GET('/v0/orders/list').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).not.toContain('AAAAAAAA');
  });
});

describe('the request object middleware sees', () => {
  it('always has a signal, like a WHATWG Request', async () => {
    const { client } = createTestClient(() => json(list));
    const aborted: boolean[] = [];
    client.use({
      onRequest({ request }) {
        aborted.push(request.signal.aborted);
        return undefined;
      },
    });
    await client.GET('/v0/orders/list');
    expect(aborted).toEqual([false]);
  });
});
