/** Options of one call, taken alike by the resource methods and the path style, and how they reach openapi-fetch. */
import { FungiesConfigError } from './errors.js';
import type { RetryPolicy } from './retry.js';

/** Options of one call; each overrides the client's. */
// timeout, retry and maxResponseBytes repeat FungiesClientOptions' fields on purpose: documented
// for one call, whose default is the client's setting rather than the library's.
export interface RequestOptions {
  /**
   * This call's timeout per attempt, in milliseconds; `false` for none. Overrides the client's `timeout`.
   * @unit milliseconds
   */
  timeout?: number | false | undefined;
  /** This call's retry policy: a limit, `false`, or parts of the policy. Overrides the client's `retry`. */
  retry?: number | false | Partial<RetryPolicy> | undefined;
  /**
   * This call's largest response body, in bytes after decompression. Overrides the client's `maxResponseBytes`.
   * @unit bytes
   */
  maxResponseBytes?: number | undefined;
  /** Aborting ends the call at once with `FungiesUserAbortError`, also during a wait between retries or pages. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this request only. The key headers are set by the client and win over these. */
  headers?: Record<string, string> | undefined;
}

const KNOWN = ['timeout', 'retry', 'maxResponseBytes', 'signal', 'headers'] as const;
type Init = Partial<Pick<RequestOptions, (typeof KNOWN)[number]>>;

/**
 * The single place request options become openapi-fetch init fields: the path style takes the
 * same fields (`client.GET(path, { params, timeout, retry, maxResponseBytes, signal, headers })`), so they pass
 * through unchanged and the client checks their values.
 */
export function requestInit(options: RequestOptions | undefined): Init {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new FungiesConfigError(
      'options',
      `request options must be an object like { timeout, retry, maxResponseBytes, signal, headers }; got ${options === null ? 'null' : typeof options}`,
    );
  }
  const unknown = Object.keys(options).filter((k) => !(KNOWN as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new FungiesConfigError(
      unknown[0] ?? 'options',
      `unknown request option ${unknown.map((k) => `'${k}'`).join(', ')}; the options are ${KNOWN.join(', ')}`,
    );
  const init: Record<string, unknown> = {};
  for (const key of KNOWN) if (options[key] !== undefined) init[key] = options[key];
  return init as Init;
}
