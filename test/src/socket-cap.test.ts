/** A crowd of calls shares a bounded pool of connections per origin; time spent waiting for one counts against each call's timeout. */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFungiesClient, DEFAULTS, FungiesConfigError, FungiesTimeoutError, FungiesUserAbortError } from '../../src/index.js';
import { PUBLIC_KEY, settle } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const list = { status: 'success', data: { orders: [], count: 0 } };
const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A loopback server that counts the connections it was opened. */
async function counted(handler: Parameters<typeof loopback>[0]): Promise<{ server: Loopback; connections: Set<Socket> }> {
  const connections = new Set<Socket>();
  const server = await loopback((req, res, body) => {
    connections.add(req.socket);
    handler(req, res, body);
  });
  open.push(server);
  return { server, connections };
}

describe('connections per origin', () => {
  it('300 calls in flight share at most the default maxSockets connections, and all succeed', { timeout: 30_000 }, async () => {
    const { server, connections } = await counted((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(list));
      }, 20);
    });
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url });
    const results = await Promise.all(Array.from({ length: 300 }, () => client.GET('/v0/orders/list')));
    expect(results.every((r) => r.data?.status === 'success')).toBe(true);
    expect(server.seen).toHaveLength(300);
    expect(connections.size).toBeGreaterThan(1);
    expect(connections.size).toBeLessThanOrEqual(DEFAULTS.maxSockets);
  });

  it('calls queued behind a server that never answers end at their own timeout', { timeout: 30_000 }, async () => {
    const { server, connections } = await counted(() => undefined);
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, maxSockets: 2, timeout: 300, retry: false });
    // Two calls hold both connections for longer than the test (so no queued call can get one when
    // they end, however late a busy machine runs the timers), then ten queue behind them.
    const holder = new AbortController();
    const holding = Array.from({ length: 2 }, () => settle(client.GET('/v0/orders/list', { timeout: 20_000, signal: holder.signal })));
    const queued = await Promise.all(Array.from({ length: 10 }, () => settle(client.GET('/v0/orders/list'))));
    for (const error of queued) {
      expect(error).toBeInstanceOf(FungiesTimeoutError);
      // They never got a connection; the message says what they were waiting for.
      expect((error as Error).message).toContain('waiting for a free connection');
    }
    expect(connections.size).toBeLessThanOrEqual(2);
    holder.abort();
    for (const error of await Promise.all(holding)) expect(error).toBeInstanceOf(FungiesUserAbortError);
    // With the connections free, a call that times out waited for the answer, not for a connection.
    const unanswered = await settle(client.GET('/v0/orders/list'));
    expect(unanswered).toBeInstanceOf(FungiesTimeoutError);
    expect((unanswered as Error).message).not.toContain('waiting for a free connection');
  });

  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY, '8'])('maxSockets %s is refused', (maxSockets) => {
    expect(() => createFungiesClient({ publicKey: PUBLIC_KEY, maxSockets: maxSockets as number })).toThrow(FungiesConfigError);
  });
});
