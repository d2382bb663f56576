/** The retry policy as pure functions: which failures are retried and how long to wait. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, FungiesConfigError, ServerError, unwrap } from '../../src/index.js';
import { normalizeOptions } from '../../src/options.js';
import { MIN_RETRY_DELAY_MS, parseRetryAfter, type RetryPolicy, retryAfterMs, retryDelay, shouldRetry } from '../../src/retry.js';
import { createTestClient, json } from '../helpers.js';

const policy: RetryPolicy = { ...DEFAULTS.retry };
const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('shouldRetry', () => {
  it.each([
    ['retry on 503 for GET', { method: 'GET', status: 503 }, true],
    ['retry on 503 for HEAD', { method: 'HEAD', status: 503 }, true],
    ['retry on 429 for GET', { method: 'GET', status: 429 }, true],
    ['retry on 429 for PATCH: the server did not act on it', { method: 'PATCH', status: 429 }, true],
    ['retry on 429 for DELETE', { method: 'DELETE', status: 429 }, true],
    ['not on 503 for POST', { method: 'POST', status: 503 }, false],
    ['not on 503 for PATCH', { method: 'PATCH', status: 503 }, false],
    ['not on 503 for DELETE: it may have been applied', { method: 'DELETE', status: 503 }, false],
    ['not on 503 for PUT', { method: 'PUT', status: 503 }, false],
    ['not on 408 for DELETE', { method: 'DELETE', status: 408 }, false],
    ['not on a connection error for DELETE', { method: 'DELETE', status: undefined }, false],
    ['not on a connection error for POST', { method: 'POST', status: undefined }, false],
    ['retry on a connection error for GET', { method: 'GET', status: undefined }, true],
    ['not on 400', { method: 'GET', status: 400 }, false],
    ['not on 404', { method: 'GET', status: 404 }, false],
    ['not on success', { method: 'GET', status: 200 }, false],
    ['not when no retries are left', { method: 'GET', status: 503, attempt: 3 }, false],
    ['not when Retry-After exceeds the cap', { method: 'GET', status: 429, headers: headers({ 'retry-after': '120' }) }, false],
    ['retry when Retry-After is within the cap', { method: 'GET', status: 429, headers: headers({ 'retry-after': '2' }) }, true],
    [
      'not when Retry-After is a huge number of seconds',
      { method: 'GET', status: 429, headers: headers({ 'retry-after': '99999999999' }) },
      false,
    ],
    [
      'not when Retry-After has hundreds of digits',
      { method: 'GET', status: 429, headers: headers({ 'retry-after': '9'.repeat(400) }) },
      false,
    ],
    [
      'retry when Retry-After is hex (unreadable, so not a 16 s wait)',
      { method: 'GET', status: 429, headers: headers({ 'retry-after': '0x10' }) },
      true,
    ],
  ])('%s', (_name, input, retry) => {
    expect(shouldRetry({ attempt: 1, headers: undefined, policy, ...input }).retry).toBe(retry);
  });

  it('retries a write on a failure only when the caller opts its method in', () => {
    const optedIn: RetryPolicy = { ...policy, methods: [...policy.methods, 'DELETE'] };
    expect(shouldRetry({ method: 'DELETE', status: 503, attempt: 1, policy: optedIn }).retry).toBe(true);
    expect(shouldRetry({ method: 'POST', status: 503, attempt: 1, policy: optedIn }).retry).toBe(false);
  });

  it('honours a Retry-After of exactly maxRetryAfterMs, and stops past it', () => {
    const capped: RetryPolicy = { ...policy, maxRetryAfterMs: 2_000 };
    const at = (seconds: string) =>
      shouldRetry({ method: 'GET', status: 429, headers: headers({ 'retry-after': seconds }), attempt: 1, policy: capped });
    expect(at('2').retry).toBe(true);
    expect(at('3').retry).toBe(false);
  });

  it('says why it gives up', () => {
    expect(shouldRetry({ method: 'GET', status: 503, attempt: 3, policy }).reason).toBe('error; no more retries left (2)');
    expect(shouldRetry({ method: 'POST', status: 503, attempt: 1, policy }).reason).toBe(
      'error; POST is not retried (add it to retry.methods to allow)',
    );
  });
});

describe('the default policy', () => {
  it('retries only the safe methods', () => {
    expect(DEFAULTS.retry.methods).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('sends a DELETE that fails with 503 once', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'error', error: { message: 'busy' } }, 503));
    const call = client.DELETE('/v0/offers/{offerId}/keys/{keyId}/removeUnsold', {
      params: { path: { offerId: '3c90c3cc-0d44-4b50-8888-8dd25736052a', keyId: '3c90c3cc-0d44-4b50-8888-8dd25736052b' } },
    } as never);
    await expect(unwrap(call)).rejects.toBeInstanceOf(ServerError);
    expect(requests).toHaveLength(1);
  });

  it('lets a caller opt another method in, in any case', () => {
    expect(normalizeOptions({ publicKey: 'pub_x', retry: { methods: ['get', 'delete'] } }).retry.methods).toEqual(['GET', 'DELETE']);
  });

  it.each([
    [{ methods: ['FETCH'] }, 'retry.methods'],
    [{ methods: 'GET' }, 'retry.methods'],
    [{ maxRetryAfterMs: Infinity }, 'retry.maxRetryAfterMs'],
    [{ statusCodes: [99] }, 'retry.statusCodes'],
    [{ method: ['DELETE'] }, 'retry.method is not a retry option'],
  ])('refuses %j, naming the field', (retry, field) => {
    let error: unknown;
    try {
      createTestClient(undefined, { retry: retry as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FungiesConfigError);
    expect((error as Error).message).toContain(field);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5000],
    ['0', 0],
    ['120', 120_000],
    ['0x10', undefined],
    ['0b11', undefined],
    ['0o7', undefined],
    ['1e3', undefined],
    ['1.5', undefined],
    [' 5', undefined],
    ['5 ', undefined],
    ['-1', undefined],
    ['+5', undefined],
    ['', undefined],
    ['Infinity', undefined],
    ['soon', undefined],
    ['1', 1000],
  ])('%j → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, 0)).toBe(ms);
  });

  it.each([['Thu, 01 Jan 1970 00:00:10 GMT'], ['Thursday, 01-Jan-70 00:00:10 GMT'], ['Thu Jan  1 00:00:10 1970']])(
    'reads the HTTP date %j',
    (value) => {
      expect(parseRetryAfter(value, 4_000)).toBe(6_000);
    },
  );

  it.each([['2015-10-21'], ['1.5'], ['Jan 1 1970'], ['12/31/2030']])('refuses %j, which is not an HTTP date', (value) => {
    expect(parseRetryAfter(value, 0)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it.each([
    ['Retry-After in seconds', headers({ 'retry-after': '2' }), 1, 2000],
    ['backoff for the first retry', headers(), 1, 500],
    ['backoff doubles', headers(), 3, 2000],
    ['backoff is capped at 8 s', headers(), 10, 8000],
    ['an unreadable Retry-After falls back to backoff', headers({ 'retry-after': 'soon' }), 2, 1000],
    ['a hex Retry-After falls back to backoff', headers({ 'retry-after': '0x10' }), 1, 500],
  ])('%s', (_name, h, attempt, ms) => {
    expect(retryDelay(attempt, h, () => 0)).toBe(ms);
  });

  it.each([['0'], ['-1'], ['Wed, 21 Oct 2015 07:28:00 GMT']])('waits at least the floor when Retry-After is %j', (value) => {
    expect(retryDelay(1, headers({ 'retry-after': value }), () => 0)).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS);
  });

  it('spreads clients told Retry-After: 0 over a window instead of retrying in lockstep', () => {
    const h = headers({ 'retry-after': '0' });
    const low = retryDelay(1, h, () => 0);
    const high = retryDelay(1, h, () => 0.999);
    expect(low).toBe(MIN_RETRY_DELAY_MS);
    expect(high - low).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS * 0.2);
  });

  it('jitters the backoff upwards by at most a quarter', () => {
    expect(retryDelay(1, headers(), () => 1)).toBe(625);
    expect(retryDelay(10, headers(), () => 1)).toBe(10_000);
  });

  it('reads an HTTP-date Retry-After relative to now', () => {
    expect(retryAfterMs(headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
  });
});
