/** Request logging: FUNGIES_LOG and the logger option, one line per request, keys never written. */
import { describe, expect, it, vi } from 'vitest';
import { BadRequestError, unwrap } from '../../src/index.js';
import { createRequestLog } from '../../src/logger.js';
import { createTestClient, json, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

function recorder() {
  const lines: string[] = [];
  const logger = {
    debug: (m: string) => lines.push(`debug ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
  };
  return { lines, logger };
}
const plain = (lines: string[]) => lines.map((l) => l.replace(/\d+ ms \(/, 'N ms ('));

describe('request log', () => {
  it('writes one info line per request: method, path template, status, duration, attempt', async () => {
    const { lines, logger } = recorder();
    const { client } = createTestClient(() => json({ status: 'success', data: {} }), { logger });
    await client.GET('/v0/orders/{orderIdOrNumber}', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } } });
    expect(plain(lines)).toEqual(['info GET /v0/orders/{orderIdOrNumber} 200 N ms (attempt 1)']);
  });

  it('writes retries and failures at warn, and nothing below the level', async () => {
    const { lines, logger } = recorder();
    const { client } = createTestClient(() => new Response('', { status: 503, headers: { 'retry-after': '0' } }), {
      logger,
      logLevel: 'warn',
      retry: 1,
    });
    await client.GET('/v0/orders/list');
    // Retry-After: 0 still waits the backoff floor (0.5 s plus jitter).
    expect(plain(lines)).toEqual([
      expect.stringMatching(/^warn GET \/v0\/orders\/list 503 N ms \(attempt 1\): status 503; retry 1\/1 in (5\d\d|6[01]\d|62[0-5]) ms$/),
      'warn GET /v0/orders/list 503 N ms (attempt 2)',
    ]);
  });

  it('says why a call is retried: a rate limit, or a status worth another attempt', async () => {
    const { lines, logger } = recorder();
    const statuses = [429, 503];
    const { client } = createTestClient(
      () => (statuses.length > 0 ? new Response('', { status: statuses.shift() }) : json({ status: 'success', data: {} })),
      { logger, logLevel: 'warn' },
    );
    await client.GET('/v0/orders/list');
    expect(plain(lines)).toEqual([
      expect.stringMatching(/^warn GET \/v0\/orders\/list 429 N ms \(attempt 1\): rate limited \(429\); retry 1\/2 in \d+ ms$/),
      expect.stringMatching(/^warn GET \/v0\/orders\/list 503 N ms \(attempt 2\): status 503; retry 2\/2 in \d+ ms$/),
    ]);
  });

  it('never writes a key, even inside an error message', async () => {
    const { lines, logger } = recorder();
    const { client } = createTestClient(
      () => {
        throw new TypeError(`proxy refused ${SECRET_KEY} and ${PUBLIC_KEY}`);
      },
      { logger, retry: false },
    );
    await client
      .PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} })
      .catch(() => undefined);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn PATCH \/v0\/orders\/\{orderIdOrNumber\}\/cancel failed after/);
    expect(lines.join('\n')).not.toContain(SECRET_KEY);
    expect(lines.join('\n')).not.toContain(PUBLIC_KEY);
  });

  it('at debug, also writes each attempt as it is sent', async () => {
    const { lines, logger } = recorder();
    const { client } = createTestClient(() => json({ status: 'success', data: {} }), { logger, logLevel: 'debug' });
    await client.GET('/v0/orders/list');
    expect(plain(lines)).toEqual(['debug GET /v0/orders/list sending (attempt 1)', 'info GET /v0/orders/list 200 N ms (attempt 1)']);
  });

  it('FUNGIES_LOG=debug logs to the console when no logger is given', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const log = createRequestLog({}, [], 'debug');
      log?.info?.('GET /v0/orders/list 200 1 ms (attempt 1)');
      expect(info).toHaveBeenCalledWith('GET /v0/orders/list 200 1 ms (attempt 1)');
    } finally {
      info.mockRestore();
    }
  });

  it('is silent with neither FUNGIES_LOG nor a logger', () => {
    expect(createRequestLog({}, [], undefined)).toBeUndefined();
  });

  it('rejects an unknown FUNGIES_LOG value by name', () => {
    expect(() => createRequestLog({}, [], 'loud')).toThrow('FUNGIES_LOG must be "debug", "info", "warn" or "off"; got "loud"');
  });
});

describe('request id', () => {
  it.each(['x-request-id', 'request-id'])('is on every FungiesApiError from the %s header', async (header) => {
    const { client } = createTestClient(() => json({ status: 'error', error: { message: 'no' } }, 400, { [header]: 'req_42' }));
    const error = (await unwrap(client.GET('/v0/orders/list')).catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.requestId).toBe('req_42');
  });

  it('is on the FungiesApiError of a 200 carrying the error envelope', async () => {
    const { client } = createTestClient(() => json({ status: 'error', error: { message: 'no' } }, 200, { 'x-request-id': 'req_7' }));
    await expect(client.GET('/v0/orders/list')).rejects.toMatchObject({ requestId: 'req_7', apiMessage: 'no' });
  });
});
