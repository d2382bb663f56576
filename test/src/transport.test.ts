/** The transport under openapi-fetch: retries, deadlines, aborts and redirects, with an injected fetch and sleep. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FungiesConnectionError, FungiesTimeoutError, FungiesUserAbortError } from '../../src/index.js';
import { type CallInput, createTransport } from '../../src/transport.js';

type Next = Response | Error | 'hang' | 'ignore-signal';

function setup(responses: Next[], options: { timeout?: number | false; limit?: number } = {}) {
  const seen: { url: string; init: RequestInit }[] = [];
  const waits: number[] = [];
  const log: string[] = [];
  const transport = createTransport({
    fetch: async (url, init = {}) => {
      seen.push({ url: String(url), init });
      const next = responses.shift() ?? new Response('{}');
      if (next === 'hang') {
        return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
      }
      if (next === 'ignore-signal') return new Promise<Response>(() => undefined);
      if (next instanceof Error) throw next;
      return next;
    },
    timeout: options.timeout ?? false,
    retry: { ...DEFAULTS.retry, limit: options.limit ?? 2 },
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    log: { info: (m) => log.push(m), warn: (m) => log.push(m) },
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
  });
  return { fetch: (input: CallInput) => transport.send(input), seen, waits, log };
}

/** A call as the client describes it to the transport. */
const call = (url: string, init: Partial<CallInput> = {}): CallInput => ({
  url,
  method: 'GET',
  headers: {},
  body: null,
  path: new URL(url).pathname,
  ...init,
});
const get = (url = 'https://api.test/v0/orders/list', init: Partial<CallInput> = {}) => call(url, init);

describe('transport', () => {
  it('retries a GET on 503 and returns the eventual success', async () => {
    const { fetch, seen, waits, log } = setup([
      new Response('', { status: 503, headers: { 'retry-after': '2' } }),
      new Response('{"ok":true}'),
    ]);
    const response = await fetch(get());
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(log[0]).toMatch(/^GET \/v0\/orders\/list 503 \d+ ms \(attempt 1\): status 503; retry 1\/2 in 2000 ms$/);
    expect(log[1]).toMatch(/^GET \/v0\/orders\/list 200 \d+ ms \(attempt 2\)$/);
  });

  it('sends every attempt with redirect: manual and the same body', async () => {
    const { fetch, seen } = setup([new Response('', { status: 429, headers: { 'retry-after': '0' } }), new Response('{}')]);
    await fetch(call('https://api.test/v0/users/create', { method: 'POST', body: '{"email":"a@b.c"}' }));
    expect(seen.map((s) => [s.init.redirect, s.init.body])).toEqual([
      ['manual', '{"email":"a@b.c"}'],
      ['manual', '{"email":"a@b.c"}'],
    ]);
  });

  it('does not send a PATCH twice after a 502', async () => {
    const { fetch, seen } = setup([new Response('', { status: 502 }), new Response('{}')]);
    const response = await fetch(call('https://api.test/v0/orders/1/cancel', { method: 'PATCH', body: '{}' }));
    expect(response.status).toBe(502);
    expect(seen).toHaveLength(1);
  });

  it('stops after the limit and returns the last response', async () => {
    const { fetch, seen } = setup([
      new Response('', { status: 500 }),
      new Response('', { status: 500 }),
      new Response('', { status: 500 }),
    ]);
    const response = await fetch(get());
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it('retries a GET after a connection error, then throws a FungiesConnectionError', async () => {
    const failure = new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    const { fetch, seen } = setup([failure, failure, failure], { limit: 2 });
    const error = await fetch(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect((error as Error).message).toBe('Connection error: GET https://api.test/v0/orders/list could not be reached (ECONNRESET)');
    expect((error as Error).cause).toBe(failure);
    expect(seen).toHaveLength(3);
  });

  it('turns its own timeout into a FungiesTimeoutError naming the request', async () => {
    const { fetch } = setup(['hang'], { timeout: 20, limit: 0 });
    const error = await fetch(get('https://api.test/v0/orders/list?take=1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 20 ms: GET https://api.test/v0/orders/list');
  });

  it('ends at the deadline even when the fetch ignores the signal', async () => {
    const { fetch } = setup(['ignore-signal'], { timeout: 20, limit: 0 });
    await expect(fetch(get())).rejects.toBeInstanceOf(FungiesTimeoutError);
  });

  it("makes a caller's abort a FungiesUserAbortError, never retried", async () => {
    const { fetch, seen } = setup(['hang', 'hang'], { timeout: 5_000, limit: 2 });
    const controller = new AbortController();
    const pending = fetch(get(undefined, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesUserAbortError);
    expect((error as Error).message).toBe("Request aborted by the caller's signal: GET https://api.test/v0/orders/list");
    expect(seen).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, seen } = setup([]);
    await expect(fetch(get(undefined, { signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(FungiesUserAbortError);
    expect(seen).toHaveLength(0);
  });

  it('takes per-request timeout and retry over the client defaults', async () => {
    const { fetch, seen } = setup([new Response('', { status: 503 }), 'hang'], { timeout: false, limit: 2 });
    const response = await fetch(get(undefined, { retry: false }));
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(1);
    await expect(fetch(get(undefined, { timeout: 10, retry: 0 }))).rejects.toBeInstanceOf(FungiesTimeoutError);
  });

  it('rejects a bad per-request option by name', async () => {
    const { fetch } = setup([]);
    await expect(fetch(get(undefined, { timeout: -1 }))).rejects.toThrow(
      'timeout must be a positive number of milliseconds or false; got -1',
    );
  });
});
