// The path-style client: auth headers, path ids, results and errors, timeouts and retries, keys kept secret.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  createFungiesClient,
  FungiesApiError,
  FungiesConfigError,
  FungiesConnectionError,
  FungiesTimeoutError,
  InvalidParameterError,
  ResponseParseError,
  ServerError,
  unwrap,
} from '../../src/index.js';
import { cancelledOrder, createTestClient, json, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

const cancel = (client: ReturnType<typeof createTestClient>['client'], orderIdOrNumber = '#ABC123DEF456') =>
  client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber } }, body: {} });

describe('auth headers', () => {
  it('sends both keys to an operation whose security requires the secret key', async () => {
    const { client, requests } = createTestClient(() => json(cancelledOrder));
    await cancel(client);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('x-fngs-public-key')).toBe(PUBLIC_KEY);
    expect(requests[0]?.headers.get('x-fngs-secret-key')).toBe(SECRET_KEY);
  });

  it('fails before any request when a write needs the secret key and none is configured', async () => {
    const { client, requests } = createTestClient(() => json(cancelledOrder), { secretKey: undefined });
    const error = await cancel(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as FungiesConfigError).option).toBe('secretKey');
    expect((error as Error).message).toMatch(/PatchV0OrdersOrderIdOrNumberCancel .* requires the secret key/);
    expect(requests).toHaveLength(0);
  });
});

describe('path ids', () => {
  it('percent-encodes the # of an order number', async () => {
    const { client, requests } = createTestClient(() => json(cancelledOrder));
    await cancel(client, '#ABC123DEF456');
    expect(new URL(requests[0]!.url).pathname).toBe('/v0/orders/%23ABC123DEF456/cancel');
  });

  it('accepts a UUID', async () => {
    const { client, requests } = createTestClient(() => json(cancelledOrder));
    await cancel(client, '3c90c3cc-0d44-4b50-8888-8dd25736052a');
    expect(requests[0]!.url).toBe('https://api.test/v0/orders/3c90c3cc-0d44-4b50-8888-8dd25736052a/cancel');
  });

  it.each([['not an id'], ['ABC'], ['../../etc'], ['']])('rejects %j before any request', async (id) => {
    const { client, requests } = createTestClient(() => json(cancelledOrder));
    const error = await cancel(client, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).toBe('path.orderIdOrNumber');
    expect(requests).toHaveLength(0);
  });

  it('says which rule a bad id breaks', async () => {
    const { client } = createTestClient();
    await expect(cancel(client, 'ABC')).rejects.toThrow(
      'PatchV0OrdersOrderIdOrNumberCancel: path parameter "orderIdOrNumber" is "ABC", which is neither a UUID nor an order number (e.g. "#ABC123DEF456", pattern ^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$)',
    );
  });
});

describe('results and errors', () => {
  it('returns typed data on 2xx, in both styles', async () => {
    const { client } = createTestClient(() => json(cancelledOrder));
    const { data, error } = await cancel(client);
    expect(error).toBeUndefined();
    expect(data?.data.order.status).toBe('CANCELLED');
    const unwrapped = await unwrap(cancel(client));
    expect(unwrapped.data.order.number).toBe('#ABC123DEF456');
  });

  it('surfaces the error envelope as a BadRequestError naming the operation', async () => {
    const { client } = createTestClient(() =>
      json({ status: 'error', error: { message: 'Order already cancelled' } }, 400, { 'x-request-id': 'req_1' }),
    );
    const raw = await cancel(client);
    expect(raw.error).toEqual({ status: 'error', error: { message: 'Order already cancelled' } });
    const error = (await unwrap(cancel(client)).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toBeInstanceOf(FungiesApiError);
    expect(error).toMatchObject({
      status: 400,
      apiMessage: 'Order already cancelled',
      operationId: 'PatchV0OrdersOrderIdOrNumberCancel',
      method: 'PATCH',
      path: '/v0/orders/{orderIdOrNumber}/cancel',
      requestId: 'req_1',
    });
    expect(error.message).toBe(
      '400 PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel): Order already cancelled',
    );
  });

  it('explains a non-JSON error body with an excerpt', async () => {
    const { client } = createTestClient(
      () => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const error = (await unwrap(cancel(client)).catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe(
      '502 PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel): non-JSON body: <html><body>502 Bad Gateway</body></html>',
    );
  });

  it('explains an empty error body', async () => {
    const { client } = createTestClient(() => new Response(null, { status: 404 }));
    await expect(unwrap(cancel(client))).rejects.toThrow(
      '404 PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel): 404 status code (no body)',
    );
  });

  it('turns a 2xx with a non-JSON body into a ResponseParseError, not a SyntaxError', async () => {
    const { client } = createTestClient(
      () => new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const error = await cancel(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toBe(
      '200 PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel): response body is not JSON (text/html): <html>maintenance</html>',
    );
  });

  it('reports an unreachable server as a FungiesConnectionError', async () => {
    const { client } = createTestClient(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    const error = await cancel(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect((error as Error).message).toBe(
      'Connection error: PATCH https://api.test/v0/orders/{orderIdOrNumber}/cancel could not be reached (ECONNREFUSED)',
    );
  });
});

describe('timeouts and retries through the client', () => {
  it('retries a read on 503 with Retry-After, and logs why', async () => {
    const log: string[] = [];
    let calls = 0;
    const { client, requests } = createTestClient(
      () =>
        ++calls === 1
          ? new Response('', { status: 503, headers: { 'retry-after': '0' } })
          : json({ status: 'success', data: { orders: [], count: 0 } }),
      { log: (m) => log.push(m) },
    );
    const { data } = await client.GET('/v0/orders/list');
    expect(data).toEqual({ status: 'success', data: { orders: [], count: 0 } });
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.headers.get('x-fngs-public-key') === PUBLIC_KEY && !r.headers.has('x-fngs-secret-key'))).toBe(true);
    // Retry-After: 0 still waits the backoff floor (0.5 s plus jitter).
    expect(log.map((line) => line.replace(/\d+ ms \(/, 'N ms ('))).toEqual([
      expect.stringMatching(/^GET \/v0\/orders\/list 503 N ms \(attempt 1\): status 503; retry 1\/2 in (5\d\d|6[01]\d|62[0-5]) ms$/),
      'GET /v0/orders/list 200 N ms (attempt 2)',
    ]);
  });

  it('never resends a cancel after a 503', async () => {
    const { client, requests } = createTestClient(() => new Response('', { status: 503 }));
    const { response } = await cancel(client);
    expect(response.status).toBe(503);
    expect(requests).toHaveLength(1);
  });

  it('throws FungiesTimeoutError when no response arrives in time', async () => {
    const { client } = createTestClient(
      (request) => new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
      {
        timeout: 20,
        retry: false,
      },
    );
    await expect(client.GET('/v0/orders/list')).rejects.toThrow(
      new FungiesTimeoutError('Request timed out after 20 ms: GET https://api.test/v0/orders/list'),
    );
  });
});

describe('keys stay secret', () => {
  it('never shows a key in errors, even when the server echoes it', async () => {
    const { client } = createTestClient((req) =>
      json(
        {
          status: 'error',
          error: { message: `bad key ${req.headers.get('x-fngs-secret-key')} / ${req.headers.get('x-fngs-public-key')}` },
        },
        401,
      ),
    );
    const error = await unwrap(cancel(client)).catch((e: unknown) => e);
    for (const text of [
      String(error),
      (error as Error).message,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      JSON.stringify((error as FungiesApiError).body),
    ]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(PUBLIC_KEY);
    }
  });

  it('never shows a key when inspecting the client', () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET_KEY);
    expect(JSON.stringify(client)).not.toContain(SECRET_KEY);
  });
});
