/** When to retry and how long to wait: pure functions, no fetch, no sleeping. */

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  limit: number;
  /** Methods that are safe to send twice. */
  methods: readonly string[];
  /** Statuses worth another attempt on a safe method. */
  statusCodes: readonly number[];
  /** Longest `Retry-After` honoured, in milliseconds; a longer one stops retrying. */
  maxRetryAfterMs: number;
}

export const INITIAL_RETRY_DELAY_MS = 500;
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
  if (wait !== undefined && wait > policy.maxRetryAfterMs) return { retry: false, reason: `Retry-After ${wait} ms exceeds maxRetryAfterMs` };
  // Retry on rate limits, whatever the method: a 429 means the server did not act on the request.
  if (status === 429) return { retry: true, reason: 'rate limited (429)' };
  // Never repeat a write: a POST or PATCH that timed out may have been applied.
  if (!policy.methods.includes(method.toUpperCase())) return { retry: false, reason: `error; ${method.toUpperCase()} is not retried` };
  // Retry when the connection failed or timed out.
  if (status === undefined) return { retry: true, reason: 'connection error or timeout' };
  // Retry on the statuses that mean "try again" (timeouts, overload, gateways).
  if (policy.statusCodes.includes(status)) return { retry: true, reason: `status ${status}` };
  return { retry: false, reason: `error; status ${status} is not retryable` };
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Milliseconds to wait before retry number `attempt`: the server's Retry-After when given,
 * otherwise exponential backoff with jitter so many clients do not retry in lockstep.
 */
export function retryDelay(attempt: number, headers?: Headers, random: () => number = Math.random): number {
  const fromServer = retryAfterMs(headers);
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(backoff * (1 - random() * 0.25));
}
