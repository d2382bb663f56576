/** The probe `run` sends before its checks, against loopback servers that answer well, too much, too slowly or not at all. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeFailed, probeTarget } from '../../../contract-tests/commands/target-probe.js';

let server: Server;
let base: string;
const seen: { path: string; redirectFollowed: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, redirectFollowed: path === '/elsewhere' });
    if (path === '/prism') {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end('{"type":"https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR"}');
    } else if (path === '/endless') {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else if (path === '/drip') {
      res.writeHead(200);
      res.write('a');
      // Never ends: the probe's deadline must.
    } else if (path === '/silent') {
      // No headers ever.
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/elsewhere' });
      res.end('moved');
    } else res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const probe = (path: string, timeoutMs = 2_000, readBody = true) =>
  probeTarget(new URL(path, base), { timeoutMs, maxBytes: 64 * 1024, readBody });

describe('probeTarget', { timeout: 15_000 }, () => {
  it('reads the body of an answer', async () => {
    expect(await probe('/hello')).toBe('hello');
    expect(await probe('/prism')).toContain('stoplight.io/prism/errors#');
  });

  it('does not read the body when told not to', async () => {
    expect(await probe('/prism', 2_000, false)).toBe('');
  });

  it('reads an endless body as none, stopping at the cap', async () => {
    expect(await probe('/endless')).toBe('');
  });

  it('reads a body cut off by the deadline as none, once the headers came', async () => {
    expect(await probe('/drip', 300)).toBe('');
  });

  it('fails naming the deadline when no answer comes', async () => {
    const error = await probe('/silent', 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProbeFailed);
    expect((error as Error).message).toBe('no answer within 300 ms');
  });

  it('fails with the connection error code when nothing listens', async () => {
    const error = await probeTarget(new URL('http://127.0.0.1:9/'), { timeoutMs: 2_000, maxBytes: 1024, readBody: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProbeFailed);
    expect((error as Error).message).toBe('ECONNREFUSED');
  });

  it('follows no redirect', async () => {
    expect(await probe('/redirect')).toBe('moved');
    expect(seen.some((s) => s.redirectFollowed)).toBe(false);
  });
});
