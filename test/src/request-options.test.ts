/** Per-request options (timeout, retry, signal, headers, maxResponseBytes) beside the client-wide ones. */
import { describe, expect, it } from 'vitest';
import { FungiesConfigError, FungiesTimeoutError, FungiesUserAbortError, ResponseTooLargeError } from '../../src/index.js';
import { createTestClient, json } from '../helpers.js';

const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
const list = { status: 'success', data: { orders: [], count: 0 } };

describe('per-request options', () => {
  it('a per-request timeout overrides the client timeout', async () => {
    const { client } = createTestClient(hang, { timeout: 60_000, retry: false });
    await expect(client.GET('/v0/orders/list', { timeout: 20 })).rejects.toThrow(
      new FungiesTimeoutError('Request timed out after 20 ms: GET https://api.test/v0/orders/list'),
    );
  });

  it('per-request retry: false sends a GET once after a 503', async () => {
    const { client, requests } = createTestClient(() => new Response('', { status: 503 }), { retry: 2 });
    const { response } = await client.GET('/v0/orders/list', { retry: false });
    expect(response.status).toBe(503);
    expect(requests).toHaveLength(1);
  });

  it('per-request retry parts merge over the client policy', async () => {
    let calls = 0;
    const { client, requests } = createTestClient(
      () => (++calls < 3 ? new Response('', { status: 503, headers: { 'retry-after': '0' } }) : json(list)),
      { retry: false },
    );
    const { data } = await client.GET('/v0/orders/list', { retry: { limit: 2 } });
    expect(data).toEqual(list);
    expect(requests).toHaveLength(3);
  });

  it('a per-request signal ends the call as FungiesUserAbortError', async () => {
    const { client } = createTestClient(hang, { retry: 3 });
    const controller = new AbortController();
    const pending = client.GET('/v0/orders/list', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(FungiesUserAbortError);
  });

  it('per-request headers are merged with the client headers, keys still managed', async () => {
    const { client, requests } = createTestClient(() => json(list), { headers: { 'x-client': 'a' } });
    await client.GET('/v0/orders/list', { headers: { 'x-call': 'b', 'x-fngs-secret-key': 'sec_Forged0000' } });
    expect(requests[0]?.headers.get('x-client')).toBe('a');
    expect(requests[0]?.headers.get('x-call')).toBe('b');
    expect(requests[0]?.headers.has('x-fngs-secret-key')).toBe(false);
  });

  it('a per-request maxResponseBytes caps that call', async () => {
    const { client } = createTestClient(() => json({ status: 'success', data: { orders: [], count: 0, pad: 'x'.repeat(2000) } }));
    await expect(client.GET('/v0/orders/list', { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('a bad per-request option fails with a FungiesConfigError naming it', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await client.GET('/v0/orders/list', { retry: { limit: -1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('retry');
    expect(requests).toHaveLength(0);
  });
});

describe('keys stay on the configured origin', () => {
  it('a per-request baseUrl on another origin fails before anything is sent', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await client.GET('/v0/orders/list', { baseUrl: 'https://elsewhere.test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('baseUrl');
    expect((error as Error).message).toContain('https://elsewhere.test');
    expect(requests).toHaveLength(0);
  });

  it('a per-request baseUrl with a user and password fails with the reason, and without the password', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await client.GET('/v0/orders/list', { baseUrl: 'https://me:hunter2@api.test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as Error).message).toContain('the per-request baseUrl must not carry a user name or password');
    expect((error as Error).message).not.toContain('hunter2');
    expect(requests).toHaveLength(0);
  });

  it('a per-request baseUrl on the same origin is allowed', async () => {
    const { client, requests } = createTestClient(() => json(list));
    await client.GET('/v0/orders/list', { baseUrl: 'https://api.test/' });
    expect(requests).toHaveLength(1);
  });
});
