/** The client against misbehaving servers on loopback: every call ends on time with a FungiesError, no key leaves the API's origin. */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { createFungiesClient, type FungiesClientOptions } from '../../src/index.js';
import { cancelledOrder, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { drip, type Loopback, serveClosedAfterEach } from '../loopback.js';

const serve = serveClosedAfterEach();

/** The default transport (node:http) and an injected global fetch must both hold every guarantee. */
let injectedFetch: typeof fetch | undefined;

function clientFor(server: Loopback, options: Partial<FungiesClientOptions> = {}) {
  return createFungiesClient({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl: server.url,
    retry: false,
    fetch: injectedFetch,
    ...options,
  });
}

const cancel = (client: ReturnType<typeof clientFor>, init: Record<string, unknown> = {}) =>
  client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {}, ...init });

/** Settles `promise` and reports what it threw and how long it took. */
async function settle(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

const sendJson = (res: import('node:http').ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe.each([
  ['node:http', undefined],
  ['global fetch', globalThis.fetch],
] as const)('through %s', (_name, transport) => {
  beforeAll(() => {
    injectedFetch = transport;
  });

  describe('deadlines cover the whole exchange', () => {
    it('ends a PATCH to a server that never answers at the timeout', async () => {
      const server = await serve(() => undefined);
      const { error, ms } = await settle(cancel(clientFor(server, { timeout: 300 })));
      expect(error).toBeInstanceOf(api.FungiesTimeoutError);
      expect(ms).toBeLessThan(5_000);
    });

    it('ends a 1-byte-per-100 ms body at the timeout with FungiesTimeoutError', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"status":"success","data":');
        drip(res, ' ', 100);
      });
      const { error, ms } = await settle(cancel(clientFor(server, { timeout: 400 })));
      expect(error).toBeInstanceOf(api.FungiesTimeoutError);
      expect((error as Error).message).toContain('400 ms');
      expect(ms).toBeLessThan(5_000);
    });

    it('retries a GET whose body stalls, within each attempt deadline', async () => {
      const server = await serve((_req, res) => {
        if (server.seen.length === 1) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{');
          return;
        }
        sendJson(res, { status: 'success', data: { orders: [], count: 0 } });
      });
      const client = clientFor(server, { timeout: 300, retry: { limit: 1 } });
      const { data } = await client.GET('/v0/orders/list');
      expect(data).toEqual({ status: 'success', data: { orders: [], count: 0 } });
      expect(server.seen).toHaveLength(2);
    });
  });

  describe("a caller's abort", () => {
    it('ends the call at once as FungiesUserAbortError and is never retried', async () => {
      const controller = new AbortController();
      // Abort once the server has the request, however late a busy machine delivers it.
      const server = await serve(() => controller.abort());
      const client = clientFor(server, { timeout: 10_000, retry: { limit: 3 } });
      const pending = settle(client.GET('/v0/orders/list', { signal: controller.signal }));
      const { error, ms } = await pending;
      expect(error).toBeInstanceOf(api.FungiesUserAbortError);
      expect(error).toBeInstanceOf(api.FungiesError);
      expect(ms).toBeLessThan(3_000);
      expect(server.seen).toHaveLength(1);
    });

    it('ends a backoff sleep of a 59 s Retry-After at once', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(503, { 'retry-after': '59' });
        res.end();
      });
      const controller = new AbortController();
      const client = clientFor(server, { retry: { limit: 2 } });
      const pending = settle(client.GET('/v0/orders/list', { signal: controller.signal }));
      setTimeout(() => controller.abort(), 200);
      const { error, ms } = await pending;
      expect(error).toBeInstanceOf(api.FungiesUserAbortError);
      expect(ms).toBeLessThan(5_000);
      expect(server.seen).toHaveLength(1);
    });

    it('treats a caller signal that times out as the caller’s abort, not ours', async () => {
      const server = await serve(() => undefined);
      const { error } = await settle(clientFor(server, { timeout: 10_000 }).GET('/v0/orders/list', { signal: AbortSignal.timeout(150) }));
      expect(error).toBeInstanceOf(api.FungiesUserAbortError);
    });
  });

  describe('redirects are never followed', () => {
    it.each([301, 302, 303, 307, 308])(
      'a %i to another origin reaches it with no key and no body, and is a typed error',
      async (status) => {
        const elsewhere = await serve((_req, res) => sendJson(res, cancelledOrder));
        const server = await serve((_req, res) => {
          res.writeHead(status, { location: `${elsewhere.url}/steal?x=1` });
          res.end();
        });
        const { error } = await settle(cancel(clientFor(server, { retry: { limit: 2 } })));
        expect(elsewhere.seen).toHaveLength(0);
        expect(server.seen).toHaveLength(1);
        expect(error).toBeInstanceOf(api.FungiesRedirectError);
        expect(error).toMatchObject({ status, location: elsewhere.url });
        expect((error as Error).message).toContain(`${status}`);
        expect((error as Error).message).toContain(elsewhere.url);
        expect((error as Error).message).not.toContain(SECRET_KEY);
      },
    );

    it('a 307 back to itself sends one PATCH once', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(307, { location: '/v0/orders/%23ABC123DEF456/cancel' });
        res.end();
      });
      const { error } = await settle(cancel(clientFor(server)));
      expect(error).toBeInstanceOf(api.FungiesRedirectError);
      expect(server.seen).toHaveLength(1);
    });
  });

  describe('response bodies are bounded', () => {
    it('stops an endless 2xx body at the size cap', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        drip(res, Buffer.alloc(64 * 1024, 0x20), 1);
      });
      const { error, ms } = await settle(
        clientFor(server, { maxResponseBytes: 1024 * 1024 } as Partial<FungiesClientOptions>).GET('/v0/orders/list'),
      );
      expect(error).toBeInstanceOf(api.ResponseTooLargeError);
      expect((error as Error).message).toContain('1048576');
      expect(ms).toBeLessThan(5_000);
    });

    // Compressing 64 MB takes seconds on a busy 2-core machine: more than the default budget.
    it('measures the decoded bytes of a gzip bomb', async () => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      });
      const { error } = await settle(
        clientFor(server, { maxResponseBytes: 1024 * 1024 } as Partial<FungiesClientOptions>).GET('/v0/orders/list'),
      );
      expect(error).toBeInstanceOf(api.ResponseTooLargeError);
    }, 30_000);

    it('caps error bodies too', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        drip(res, Buffer.alloc(64 * 1024, 0x20), 1);
      });
      const { error } = await settle(
        clientFor(server, { maxResponseBytes: 1024 * 1024 } as Partial<FungiesClientOptions>).GET('/v0/orders/list'),
      );
      expect(error).toBeInstanceOf(api.ResponseTooLargeError);
    });
  });

  describe('every failure is a FungiesError', () => {
    it('a refused connection', async () => {
      const server = await serve(() => undefined);
      const client = clientFor(server);
      await server.close();
      const { error } = await settle(client.GET('/v0/orders/list'));
      expect(error).toBeInstanceOf(api.FungiesConnectionError);
      expect((error as Error).message).toContain('could not be reached (ECONNREFUSED)');
    });

    it('a status no HTTP client should accept (999)', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(999, { 'content-type': 'application/json' });
        res.end('{}');
      });
      const { error } = await settle(clientFor(server).GET('/v0/orders/list'));
      expect(error).toBeInstanceOf(api.FungiesError);
      expect((error as Error).message).toContain('999');
    });

    it('a connection reset mid-body', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"status":"succ');
        setTimeout(() => res.socket?.destroy(), 20);
      });
      const { error } = await settle(cancel(clientFor(server)));
      expect(error).toBeInstanceOf(api.FungiesConnectionError);
      expect(error).not.toBeInstanceOf(api.FungiesTimeoutError);
    });

    it('a body shorter than its Content-Length', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"status":"success"');
        setTimeout(() => res.socket?.end(), 20);
      });
      const { error } = await settle(cancel(clientFor(server)));
      expect(error).toBeInstanceOf(api.FungiesConnectionError);
    });

    it('a TimeoutError DOMException from the body stream of an injected fetch, and the GET is retried', async () => {
      let calls = 0;
      const fetch = async () => {
        calls++;
        if (calls === 1) {
          const body = new ReadableStream({
            pull(controller) {
              controller.error(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
            },
          });
          return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
        }
        return new Response(JSON.stringify({ status: 'success', data: { orders: [], count: 0 } }), {
          headers: { 'content-type': 'application/json' },
        });
      };
      const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: 'https://api.test', fetch, retry: { limit: 1 } });
      const { data } = await client.GET('/v0/orders/list');
      expect(data).toEqual({ status: 'success', data: { orders: [], count: 0 } });
      expect(calls).toBe(2);
    });

    it('deeply nested JSON in a 2xx with validateResponses', async () => {
      // 100 000 levels where the order object belongs: parsing, validating, redacting the error's
      // data and writing its message must all survive it and name the field.
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"status":"success","data":{"order":${deep}}}`);
      });
      const { error } = await settle(cancel(clientFor(server, { validateResponses: true })));
      expect(error).toBeInstanceOf(api.ResponseValidationError);
      expect((error as api.ResponseValidationError).errors[0]?.instancePath).toBe('/data/order');
      expect((error as Error).message).toContain('body/data/order must be object');
    });

    it('deeply nested JSON in an error body, through unwrap', async () => {
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const server = await serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(deep);
      });
      const { error } = await settle(api.unwrap(cancel(clientFor(server))));
      expect(error).toBeInstanceOf(api.BadRequestError);
    });
  });

  describe('2xx responses that are not success', () => {
    it('a 200 carrying the error envelope is a FungiesApiError with the API message', async () => {
      const server = await serve((_req, res) => sendJson(res, { status: 'error', error: { message: 'Order already cancelled' } }));
      const { error } = await settle(cancel(clientFor(server)));
      expect(error).toBeInstanceOf(api.FungiesApiError);
      expect(error).toMatchObject({
        status: 200,
        apiMessage: 'Order already cancelled',
        operationId: 'PatchV0OrdersOrderIdOrNumberCancel',
      });
    });

    it.each([
      ['a 204', 204],
      ['an empty 200', 200],
    ])('%s where the spec promises a body is a ResponseParseError', async (_name, status) => {
      const server = await serve((_req, res) => {
        res.writeHead(status);
        res.end();
      });
      const { error } = await settle(cancel(clientFor(server)));
      expect(error).toBeInstanceOf(api.ResponseParseError);
      expect((error as Error).message).toContain('PatchV0OrdersOrderIdOrNumberCancel');
    });
  });
  describe('bodies other than a JSON string', () => {
    it('a WHATWG Request swapped in by middleware is sent with its body', async () => {
      const server = await serve((_req, res) => sendJson(res, cancelledOrder));
      const client = clientFor(server);
      client.use({
        onRequest: ({ request }) =>
          new Request(request.url, { method: request.method, headers: request.headers, body: '{"swapped":true}' }),
      });
      const { data } = await cancel(client);
      expect(data).toEqual(cancelledOrder);
      expect(server.seen[0]?.body).toBe('{"swapped":true}');
    });

    it('a FormData body from a custom bodySerializer keeps its multipart content-type', async () => {
      const server = await serve((_req, res) => sendJson(res, cancelledOrder));
      const form = new FormData();
      form.set('note', 'hello');
      await cancel(clientFor(server), { bodySerializer: () => form });
      expect(server.seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(server.seen[0]?.body).toContain('hello');
    });
  });
});
