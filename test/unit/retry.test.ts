import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/index.js';
import { retryAfterMs, retryDelay, shouldRetry, type RetryPolicy } from '../../src/retry.js';

const policy: RetryPolicy = { ...DEFAULTS.retry };
const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('shouldRetry', () => {
  it.each([
    ['retry on 503 for GET', { method: 'GET', status: 503 }, true],
    ['retry on 429 for GET', { method: 'GET', status: 429 }, true],
    ['retry on 429 for PATCH: the server did not act on it', { method: 'PATCH', status: 429 }, true],
    ['not on 503 for POST', { method: 'POST', status: 503 }, false],
    ['not on 503 for PATCH', { method: 'PATCH', status: 503 }, false],
    ['not on a connection error for POST', { method: 'POST', status: undefined }, false],
    ['retry on a connection error for GET', { method: 'GET', status: undefined }, true],
    ['retry on 408 for DELETE', { method: 'DELETE', status: 408 }, true],
    ['not on 400', { method: 'GET', status: 400 }, false],
    ['not on 404', { method: 'GET', status: 404 }, false],
    ['not on success', { method: 'GET', status: 200 }, false],
    ['not when no retries are left', { method: 'GET', status: 503, attempt: 3 }, false],
    ['not when Retry-After exceeds the cap', { method: 'GET', status: 429, headers: headers({ 'retry-after': '120' }) }, false],
    ['retry when Retry-After is within the cap', { method: 'GET', status: 429, headers: headers({ 'retry-after': '2' }) }, true],
  ])('%s', (_name, input, retry) => {
    expect(shouldRetry({ attempt: 1, headers: undefined, policy, ...input }).retry).toBe(retry);
  });

  it('says why it gives up', () => {
    expect(shouldRetry({ method: 'GET', status: 503, attempt: 3, policy }).reason).toBe('error; no more retries left (2)');
    expect(shouldRetry({ method: 'POST', status: 503, attempt: 1, policy }).reason).toBe('error; POST is not retried');
  });
});

describe('retryDelay', () => {
  it.each([
    ['Retry-After in seconds', headers({ 'retry-after': '1.5' }), 1, 1500],
    ['Retry-After as an HTTP date in the past', headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), 1, 0],
    ['backoff for the first retry', headers(), 1, 500],
    ['backoff doubles', headers(), 3, 2000],
    ['backoff is capped at 8 s', headers(), 10, 8000],
    ['an unreadable Retry-After falls back to backoff', headers({ 'retry-after': 'soon' }), 2, 1000],
  ])('%s', (_name, h, attempt, ms) => {
    expect(retryDelay(attempt, h, () => 0)).toBe(ms);
  });

  it('jitters the backoff by at most a quarter', () => {
    expect(retryDelay(1, headers(), () => 1)).toBe(375);
  });

  it('reads an HTTP-date Retry-After relative to now', () => {
    expect(retryAfterMs(headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
  });
});
