/** validateResponses on a huge invalid 2xx: the work and what the error keeps stay bounded, and the check runs within the call's timeout. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFungiesClient, FungiesTimeoutError, ResponseValidationError } from '../../src/index.js';
import { PUBLIC_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const open: Loopback[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

// 25 000 orders that each break five rules: about 2 MB, 125 000 schema errors.
const broken = { object: 'order', id: 'not-a-uuid', number: 5, status: 'NOPE', createdAt: 'x' };
const body = JSON.stringify({ status: 'success', data: { orders: Array.from({ length: 25_000 }, () => broken), count: 1 } });

describe('validateResponses on a huge invalid body', () => {
  it('stops at the first errors: the error carries at most 10, and says there were more', { timeout: 30_000 }, async () => {
    const server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    open.push(server);
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, validateResponses: true, retry: false });
    const error = await client.GET('/v0/orders/list').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    const { errors, message } = error as ResponseValidationError;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(message).toContain('/data/orders/0');
    expect(message).toContain('and more');
    expect(message.split('\n').length).toBeLessThanOrEqual(12);
  });
});

describe('validateResponses within the timeout', () => {
  it('a body that arrives as the timeout ends is not validated after it: the call is late', async () => {
    let skew = 0;
    const now = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => now() + skew);
    const server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
      // The clock the deadline reads moves past the 5 s timeout while the body is on its way.
      skew = 60_000;
    });
    open.push(server);
    const client = createFungiesClient({
      publicKey: PUBLIC_KEY,
      baseUrl: server.url,
      validateResponses: true,
      retry: false,
      timeout: 5_000,
    });
    const error = await client.GET('/v0/orders/list').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FungiesTimeoutError);
    expect((error as Error).message).toContain('before the response body could be validated');
  });
});
