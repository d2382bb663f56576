// The suite's transport reads each body once, under the cap and within the deadline, decoded as fetch decodes it, on pooled connections.
import type { Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyCapExceeded, DeadlineExceeded } from '../../../contract-tests/engine/capped-body.js';
import { sendOnWire, type WireRequest } from '../../../contract-tests/engine/recording-transport.js';
import { drip, type Loopback, loopback } from '../../loopback.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = (url: string): WireRequest => ({ method: 'GET', url: `${url}/x`, headers: {}, body: undefined });
const limits = { timeoutMs: 5000, maxBytes: 1024 };

describe('the recording transport', () => {
  it('decodes gzip and br bodies, and leaves a coding fetch does not know as it came', async () => {
    const text = '{"status":"success"}';
    server = await loopback((req, res) => {
      const coding = req.url === '/x?gzip' ? 'gzip' : req.url === '/x?br' ? 'br' : 'x-unknown';
      const body = coding === 'gzip' ? gzipSync(text) : coding === 'br' ? brotliCompressSync(text) : Buffer.from(text);
      res.writeHead(200, { 'content-encoding': coding }).end(body);
    });
    for (const coding of ['gzip', 'br', 'unknown']) {
      const response = await sendOnWire({ ...get(server.url), url: `${server.url}/x?${coding}` }, limits);
      expect(response.body.toString('utf8')).toBe(text);
    }
  });

  it('stops a compressed body at the cap on its decoded size (a gzip bomb)', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1024 * 1024, 'a')));
    });
    await expect(sendOnWire(get(server.url), limits)).rejects.toBeInstanceOf(BodyCapExceeded);
  });

  it('stops a body past the cap, whether its Content-Length says so or not', async () => {
    server = await loopback((req, res) => {
      if (req.headers['x-declared'] === 'yes') res.writeHead(200, { 'content-length': 2048 }).end(Buffer.alloc(2048));
      else {
        res.writeHead(200);
        res.end(Buffer.alloc(4096));
      }
    });
    await expect(sendOnWire({ ...get(server.url), headers: { 'x-declared': 'yes' } }, limits)).rejects.toBeInstanceOf(BodyCapExceeded);
    await expect(sendOnWire(get(server.url), limits)).rejects.toBeInstanceOf(BodyCapExceeded);
  });

  it('ends a body that drips past the deadline, naming it', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(200);
      drip(res, 'a', 20, 5000);
    });
    await expect(sendOnWire(get(server.url), { ...limits, timeoutMs: 200 })).rejects.toEqual(new DeadlineExceeded(200));
  }, 10_000);

  it('sends on a pooled keep-alive connection, and again once the server closed it', async () => {
    const connections = new Set<unknown>();
    server = await loopback(
      (req, res) => {
        connections.add(req.socket);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ body: req.headers['content-length'] ?? null }));
      },
      { keepAliveTimeout: 5000 },
    );
    const post = { method: 'POST', url: `${server.url}/x`, headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
    const first = await sendOnWire(post, limits);
    const second = await sendOnWire(post, limits);
    expect([first.status, second.status, JSON.parse(second.body.toString('utf8'))]).toEqual([200, 200, { body: '7' }]);
    expect(connections.size).toBe(1);
    for (const socket of connections) (socket as Socket).destroy();
    expect((await sendOnWire(post, limits)).status).toBe(200);
    expect(server.seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  }, 10_000);

  it('sends the path and query of the URL as written, never its fragment, to the host and port it names', async () => {
    const seen: string[] = [];
    server = await loopback((req, res) => {
      seen.push(`${req.headers.host} ${req.url}`);
      res.writeHead(204).end();
    });
    const { host } = new URL(server.url);
    for (const tail of ['/v0/orders/list?take=2&skip=0', '/a%20b/c?q=%23x#fragment', '/x#only-a-fragment'])
      expect((await sendOnWire({ ...get(server.url), url: `${server.url}${tail}` }, limits)).status).toBe(204);
    expect(seen).toEqual([`${host} /v0/orders/list?take=2&skip=0`, `${host} /a%20b/c?q=%23x`, `${host} /x`]);
  });
});
