/**
 * Each attempt's deadline: `timeout: false` means none, a timeout and a caller's abort say what
 * stopped the attempt (the error's cause), and a caller's long-lived signal (one per process or
 * per job, passed to thousands of calls) collects no listener per call, attempt or retry wait.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createFungiesClient, FungiesTimeoutError, FungiesUserAbortError } from '../../src/index.js';
import { PUBLIC_KEY, settle } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const list = JSON.stringify({ status: 'success', data: { orders: [], count: 0 } });

async function serve(delayMs: number | 'never'): Promise<Loopback> {
  const server = await loopback((_req, res) => {
    if (delayMs === 'never') return;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(list);
    }, delayMs);
  });
  open.push(server);
  return server;
}

describe('the deadline of an attempt', () => {
  it('timeout: false sets none: a slow answer is waited for', { timeout: 20_000 }, async () => {
    const server = await serve(100);
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, timeout: false, retry: false });
    const { response } = await client.GET('/v0/orders/list');
    expect(response.status).toBe(200);
  });

  it('timeout: false sets no time budget for validateResponses either', { timeout: 20_000 }, async () => {
    const server = await serve(0);
    const client = createFungiesClient({
      publicKey: PUBLIC_KEY,
      baseUrl: server.url,
      timeout: false,
      retry: false,
      validateResponses: true,
    });
    const { data } = await client.GET('/v0/orders/list');
    expect(data).toEqual(JSON.parse(list));
  });

  it("an injected fetch is handed a signal that aborts when the attempt's timeout ends", { timeout: 20_000 }, async () => {
    const signals: AbortSignal[] = [];
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal as AbortSignal;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, fetch, timeout: 100, retry: false });
    expect(await settle(client.GET('/v0/orders/list'))).toBeInstanceOf(FungiesTimeoutError);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('a timeout is the cause of FungiesTimeoutError: a TimeoutError DOMException', { timeout: 20_000 }, async () => {
    const server = await serve('never');
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, timeout: 100, retry: false });
    const error = (await settle(client.GET('/v0/orders/list'))) as FungiesTimeoutError;
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect(error.cause).toBeInstanceOf(DOMException);
    expect(error.cause).toMatchObject({ name: 'TimeoutError', message: 'The attempt timed out' });
  });

  it("a caller's abort is the cause of FungiesUserAbortError: the caller's own reason", { timeout: 20_000 }, async () => {
    const server = await serve('never');
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, timeout: 10_000, retry: false });
    const controller = new AbortController();
    const call = settle(client.GET('/v0/orders/list', { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    const error = (await call) as FungiesUserAbortError;
    expect(error).toBeInstanceOf(FungiesUserAbortError);
    expect(error.cause).toEqual(new Error('shutting down'));
  });

  it("an abort before the client's first connection is set up ends the call as the caller's", { timeout: 20_000 }, async () => {
    const server = await serve(0);
    // A new client loads node:http on its first call: the abort lands before anything listens for it.
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, retry: false });
    const controller = new AbortController();
    const call = settle(client.GET('/v0/orders/list', { signal: controller.signal }));
    controller.abort();
    expect(await call).toBeInstanceOf(FungiesUserAbortError);
  });
});

describe("a caller's signal", () => {
  it('holds no listener once a call that was retried has ended', { timeout: 20_000 }, async () => {
    let calls = 0;
    const server = await loopback((_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { orders: [], count: 0 } }));
    });
    open.push(server);
    const controller = new AbortController();
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, retry: 1 });
    const { response } = await client.GET('/v0/orders/list', { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(server.seen).toHaveLength(2);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
