/**
 * A caller's long-lived signal (one per process or per job, passed to thousands of calls) must
 * not collect a listener per call, per attempt or per wait between retries.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createFungiesClient } from '../../src/index.js';
import { PUBLIC_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
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
