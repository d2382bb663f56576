import { describe, expect, it } from 'vitest';
import { DEFAULTS, FungiesTimeoutError } from '../../src/index.js';
import { resilientFetch } from '../../src/resilient-fetch.js';

function setup(responses: (Response | Error | 'hang')[], options: { timeout?: number | false; limit?: number } = {}) {
  const seen: Request[] = [];
  const waits: number[] = [];
  const log: string[] = [];
  const fetch = resilientFetch({
    fetch: async (input) => {
      const request = input as Request;
      seen.push(request);
      const next = responses.shift() ?? new Response('{}');
      if (next === 'hang') {
        return new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
      }
      if (next instanceof Error) throw next;
      return next;
    },
    timeout: options.timeout ?? false,
    retry: { ...DEFAULTS.retry, limit: options.limit ?? 2 },
    log: (m) => log.push(m),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { fetch, seen, waits, log };
}

describe('resilientFetch', () => {
  it('retries a GET on 503 and returns the eventual success', async () => {
    const { fetch, seen, waits, log } = setup([new Response('', { status: 503, headers: { 'retry-after': '1' } }), new Response('{"ok":true}')]);
    const response = await fetch(new Request('https://api.test/v0/orders/list'));
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([1000]);
    expect(log[0]).toBe('GET https://api.test/v0/orders/list: status 503; retry 1/2 in 1000 ms');
  });

  it('does not send a PATCH twice after a 502', async () => {
    const { fetch, seen } = setup([new Response('', { status: 502 }), new Response('{}')]);
    const response = await fetch(new Request('https://api.test/v0/orders/1/cancel', { method: 'PATCH', body: '{}' }));
    expect(response.status).toBe(502);
    expect(seen).toHaveLength(1);
  });

  it('resends the same body on a retried 429', async () => {
    const { fetch, seen } = setup([new Response('', { status: 429, headers: { 'retry-after': '0' } }), new Response('{}')]);
    await fetch(new Request('https://api.test/v0/users/create', { method: 'POST', body: '{"email":"a@b.c"}' }));
    expect(await Promise.all(seen.map((r) => r.text()))).toEqual(['{"email":"a@b.c"}', '{"email":"a@b.c"}']);
  });

  it('stops after the limit and returns the last response', async () => {
    const { fetch, seen, log } = setup([new Response('', { status: 500 }), new Response('', { status: 500 }), new Response('', { status: 500 })]);
    const response = await fetch(new Request('https://api.test/v0/orders/list'));
    expect(response.status).toBe(500);
    expect(seen).toHaveLength(3);
    expect(log.at(-1)).toBe('GET https://api.test/v0/orders/list: error; no more retries left (2)');
  });

  it('retries a GET after a connection error, then rethrows when retries run out', async () => {
    const failure = new TypeError('fetch failed');
    const { fetch, seen } = setup([failure, failure, failure], { limit: 2 });
    await expect(fetch(new Request('https://api.test/v0/orders/list'))).rejects.toBe(failure);
    expect(seen).toHaveLength(3);
  });

  it('turns its own timeout into a FungiesTimeoutError naming the request', async () => {
    const { fetch } = setup(['hang'], { timeout: 20, limit: 0 });
    const error = await fetch(new Request('https://api.test/v0/orders/list?take=1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 20 ms: GET https://api.test/v0/orders/list');
  });

  it("leaves a caller's abort as an abort, not a timeout", async () => {
    const { fetch } = setup(['hang'], { timeout: 5_000, limit: 0 });
    const controller = new AbortController();
    const pending = fetch(new Request('https://api.test/v0/orders/list', { signal: controller.signal }));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).name).toBe('AbortError');
  });
});
