/** How the transport names each way an attempt fails (message, cause, log line), and what it leaves behind when a call ends. */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createFungiesClient, DEFAULTS, FungiesConnectionError, FungiesTimeoutError, FungiesUserAbortError } from '../../src/index.js';
import { type CallInput, createTransport, type TransportOptions } from '../../src/transport.js';
import { PUBLIC_KEY, settle } from '../helpers.js';
import { type Loopback, serveClosedAfterEach } from '../loopback.js';

const serve = serveClosedAfterEach();

const URL_ = 'https://api.test/v0/orders/list';
const get = (init: Partial<CallInput> = {}): CallInput => ({
  url: URL_,
  method: 'GET',
  headers: {},
  body: null,
  path: '/v0/orders/list',
  ...init,
});

/** A transport over an injected fetch, its log lines kept. */
function transportWith(fetch: typeof globalThis.fetch, options: Partial<TransportOptions> = {}) {
  const lines: string[] = [];
  const transport = createTransport({
    fetch,
    timeout: false,
    retry: { ...DEFAULTS.retry, limit: 0 },
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    log: { debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) },
    sleep: async () => undefined,
    ...options,
  });
  return { transport, lines };
}

/** A fetch that never answers, rejecting with the signal's reason when it aborts. */
const hang: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

describe.each([
  ['node:http', undefined],
  ['global fetch', globalThis.fetch],
] as const)('a body whose connection breaks part way, through %s', (_name, fetch) => {
  const clientFor = (server: Loopback) => createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, fetch, retry: false });

  it('is a connection error that says the connection broke while reading the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":', () => res.socket?.destroy());
    });
    const error = await settle(clientFor(server).GET('/v0/orders/list'));
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect(error).not.toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Connection error: GET ${server.url}/v0/orders/list: the connection broke while reading the response body \\(.+\\)$`),
    );
  });
});

describe('a body that stalls part way', () => {
  it('is a timeout that says it happened while reading the body', async () => {
    // The headers are there at once, so the deadline can only pass while the body is read.
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"status":')) });
    const { transport } = transportWith(async () => new Response(stalled), { timeout: 20 });
    const error = await settle(transport.send(get()));
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toBe(`Request timed out after 20 ms while reading the response body: GET ${URL_}`);
  });
});

describe('what an error carries', () => {
  it('a failure with neither a code nor a cause is named by its message', async () => {
    const { transport } = transportWith(async () => {
      throw new Error('socket hang up');
    });
    const error = await settle(transport.send(get()));
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect((error as Error).message).toBe(`Connection error: GET ${URL_} could not be reached (socket hang up)`);
  });

  it("a timeout's cause is the reason the attempt was stopped with", async () => {
    const { transport } = transportWith(hang, { timeout: 20 });
    const error = await settle(transport.send(get()));
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).cause).toBeInstanceOf(DOMException);
    expect(((error as Error).cause as DOMException).name).toBe('TimeoutError');
  });

  it("a caller's abort has the caller's reason as its cause", async () => {
    const { transport } = transportWith(hang);
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const pending = settle(transport.send(get({ signal: controller.signal })));
    setTimeout(() => controller.abort(reason), 5);
    const error = await pending;
    expect(error).toBeInstanceOf(FungiesUserAbortError);
    expect((error as Error).cause).toBe(reason);
  });
});

describe('the log', () => {
  it('names a retried connection error, the attempt and the wait', async () => {
    let calls = 0;
    const { transport, lines } = transportWith(
      async () => {
        if (++calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
        return new Response('{}');
      },
      { retry: { ...DEFAULTS.retry, limit: 2 } },
    );
    await transport.send(get());
    expect(lines.filter((l) => l.startsWith('warn'))).toEqual([
      expect.stringMatching(/^warn GET \/v0\/orders\/list FungiesConnectionError after \d+ ms \(attempt 1\); retry 1\/2 in \d+ ms$/),
    ]);
  });

  it('gives each attempt a duration no longer than the whole call took', async () => {
    const { transport, lines } = transportWith(async () => new Response('{}'));
    const started = performance.now();
    await transport.send(get());
    const whole = performance.now() - started;
    const info = lines.find((l) => l.startsWith('info')) ?? '';
    const ms = Number(/ (\d+) ms /.exec(info)?.[1]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(Math.ceil(whole));
  });

  it('an abort during the wait before a retry ends the call: no further attempt is sent or logged', async () => {
    const controller = new AbortController();
    let calls = 0;
    const { transport, lines } = transportWith(
      async () => {
        calls++;
        return new Response('', { status: 503 });
      },
      {
        retry: { ...DEFAULTS.retry, limit: 2 },
        sleep: async (_ms, signal) => {
          controller.abort();
          throw signal?.reason;
        },
      },
    );
    const error = await settle(transport.send(get({ signal: controller.signal })));
    expect(error).toBeInstanceOf(FungiesUserAbortError);
    expect(calls).toBe(1);
    expect(lines).toEqual([
      'debug GET /v0/orders/list sending (attempt 1)',
      expect.stringMatching(/^warn GET \/v0\/orders\/list 503 \d+ ms \(attempt 1\): status 503; retry 1\/2 in \d+ ms$/),
    ]);
  });
});

describe('when a call ends', () => {
  it("no listener is left on the caller's signal", async () => {
    const { transport } = transportWith(async () => new Response('{}'), { timeout: 60_000 });
    const controller = new AbortController();
    await transport.send(get({ signal: controller.signal }));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
