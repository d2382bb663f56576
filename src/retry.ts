/** When to retry and how long to wait: pure functions, no fetch, no sleeping. */

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  limit: number;
  /**
   * Methods retried on connection errors, timeouts and `statusCodes`. Any method is retried on 429
   * (the server did not act on it). The default holds only methods that change nothing; add e.g.
   * 'DELETE' only if sending it twice is harmless for your use.
   */
  methods: readonly string[];
  /** Statuses worth another attempt on a safe method. */
  statusCodes: readonly number[];
  /** Longest `Retry-After` honoured, in milliseconds; a longer one stops retrying. */
  maxRetryAfterMs: number;
}

/** Shortest wait before a retry, whatever the server says. */
export const MIN_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;

export interface RetryInput {
  method: string;
  /** The response status, or undefined when no response arrived (connection error, timeout). */
  status: number | undefined;
  headers?: Headers | undefined;
  /** 1 for the first retry. */
  attempt: number;
  policy: RetryPolicy;
}

export interface RetryDecision {
  retry: boolean;
  reason: string;
}

export function shouldRetry({ method, status, headers, attempt, policy }: RetryInput): RetryDecision {
  if (status !== undefined && status < 400) return { retry: false, reason: 'success' };
  if (attempt > policy.limit) return { retry: false, reason: `error; no more retries left (${policy.limit})` };
  const wait = retryAfterMs(headers);
  // A Retry-After longer than we are willing to wait: give the caller the error now.
  if (wait !== undefined && wait > policy.maxRetryAfterMs)
    return { retry: false, reason: `Retry-After ${wait} ms exceeds maxRetryAfterMs` };
  // Retry on rate limits, whatever the method: a 429 means the server did not act on the request.
  if (status === 429) return { retry: true, reason: 'rate limited (429)' };
  // Never repeat a write unless the caller opted in: a POST, PATCH or DELETE that failed may have been applied.
  if (!policy.methods.includes(method.toUpperCase()))
    return { retry: false, reason: `error; ${method.toUpperCase()} is not retried (add it to retry.methods to allow)` };
  // Retry when the connection failed or timed out.
  if (status === undefined) return { retry: true, reason: 'connection error or timeout' };
  // Retry on the statuses that mean "try again" (timeouts, overload, gateways).
  if (policy.statusCodes.includes(status)) return { retry: true, reason: `status ${status}` };
  return { retry: false, reason: `error; status ${status} is not retryable` };
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after');
  return value === null || value === undefined ? undefined : parseRetryAfter(value, now);
}

// RFC 9110 §10.2.3: delta-seconds is 1*DIGIT. Number() would also read 0x10, 0b11, 1e3, " 5".
// Any number of digits: a huge value must read as a long wait (and stop retrying), not as unreadable.
const DELTA_SECONDS = /^[0-9]+$/;
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '[0-9]{2}:[0-9]{2}:[0-9]{2}';
// The three forms of RFC 9110 §5.6.7 a recipient must accept; Date.parse alone accepts far more ("1.5").
const HTTP_DATE = [
  new RegExp(`^${DAY}, [0-9]{2} ${MONTH} [0-9]{4} ${TIME} GMT$`),
  new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [0-9]{2}-${MONTH}-[0-9]{2} ${TIME} GMT$`),
  new RegExp(`^${DAY} ${MONTH} [ 0-9][0-9] ${TIME} [0-9]{4}$`),
];

/** One `Retry-After` value in milliseconds from `now`, or undefined when it is neither form. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  if (DELTA_SECONDS.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.some((form) => form.test(value))) return undefined;
  // RFC 850 dates carry a two-digit year; Date.parse reads "70" as 1970, as RFC 9110 asks for dates within 50 years.
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Milliseconds to wait before retry number `attempt`: exponential backoff from
 * MIN_RETRY_DELAY_MS with up to a quarter added at random, so clients do not retry in lockstep;
 * a server's longer Retry-After wins. A Retry-After of 0 or a date in the past still waits the
 * backoff: otherwise many clients told "now" hammer a rate-limited API at once.
 */
export function retryDelay(attempt: number, headers?: Headers, random: () => number = Math.random): number {
  const base = Math.min(MIN_RETRY_DELAY_MS * 2 ** (Math.max(1, attempt) - 1), MAX_RETRY_DELAY_MS);
  const backoff = Math.round(base * (1 + random() * 0.25));
  const fromServer = retryAfterMs(headers);
  return fromServer === undefined ? backoff : Math.max(fromServer, backoff);
}
