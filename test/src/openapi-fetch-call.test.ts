/** A call that goes through openapi-fetch's Request: the options the client recorded beside it are found, and a Request it never saw still works. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FungiesUserAbortError } from '../../src/index.js';
import { createTransport } from '../../src/transport.js';
import { cancelledOrder, createTestClient, json, settle } from '../helpers.js';

describe('a call through openapi-fetch (a middleware is registered)', () => {
  it('is logged under its path template, as a direct call is', async () => {
    const lines: string[] = [];
    const logger = { debug: () => undefined, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const { client } = createTestClient(() => json(cancelledOrder), { logger });
    client.use({ onRequest: () => undefined });
    await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });
    expect(lines).toEqual([expect.stringMatching(/^PATCH \/v0\/orders\/\{orderIdOrNumber\}\/cancel 200 \d+ ms \(attempt 1\)$/)]);
  });
});

describe("the transport's fetch given a Request the client never recorded", () => {
  const transportFor = (fetch: typeof globalThis.fetch, lines: string[] = []) =>
    createTransport({
      fetch,
      timeout: false,
      retry: { ...DEFAULTS.retry, limit: 0 },
      maxResponseBytes: DEFAULTS.maxResponseBytes,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    });

  it("sends it with the transport's own options, logged under the URL's path", async () => {
    const lines: string[] = [];
    const sent: string[] = [];
    const transport = transportFor(async (url, init) => {
      sent.push(`${init?.method} ${String(url)} ${init?.body === null ? 'no body' : 'body'}`);
      return json({ status: 'success', data: {} });
    }, lines);
    const response = await transport.fetch(new Request('https://api.test/v0/orders/%23A1/cancel', { method: 'PATCH', body: '{}' }));
    expect(response.status).toBe(200);
    expect(sent).toEqual(['PATCH https://api.test/v0/orders/%23A1/cancel body']);
    expect(lines).toEqual([expect.stringMatching(/^PATCH \/v0\/orders\/%23A1\/cancel 200 \d+ ms \(attempt 1\)$/)]);
  });

  it("ends at the Request's own signal", async () => {
    const transport = transportFor(
      (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const controller = new AbortController();
    const pending = settle(transport.fetch(new Request('https://api.test/v0/orders/list', { signal: controller.signal })));
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toBeInstanceOf(FungiesUserAbortError);
  });
});
