/** Options of one call, taken alike by the resource methods and the path style, and how they reach openapi-fetch. */
import { FungiesConfigError } from './errors.js';
import { checkHeaders } from './headers.js';
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
/** No options: one frozen record for every call that passes none. */
const NONE: Init = Object.freeze({});

/**
 * The single place request options become openapi-fetch init fields: the path style takes the
 * same fields (`client.GET(path, { params, timeout, retry, maxResponseBytes, signal, headers })`), so they pass
 * through unchanged and the client checks their values.
 */
export function requestInit(options: RequestOptions | undefined): Init {
  if (options === undefined) return NONE;
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

/**
 * What is wrong with the init of a path-style call that openapi-fetch would otherwise turn into a
 * TypeError (a header it cannot set) or a confusing failure later (a signal that is not one), or
 * undefined. Returned, not thrown, so the call still fails as a rejected promise.
 */
export function callInitProblem(init: unknown): FungiesConfigError | undefined {
  if (typeof init !== 'object' || init === null) return undefined;
  const { headers, params, signal } = init as { headers?: unknown; params?: { header?: unknown }; signal?: unknown };
  try {
    checkHeaders(headers, 'headers');
    if (typeof params === 'object' && params !== null) checkHeaders(params.header, 'params.header');
  } catch (err) {
    return err as FungiesConfigError;
  }
  if (signal !== undefined && signal !== null && !isAbortSignal(signal)) {
    return new FungiesConfigError('signal', 'signal must be an AbortSignal, e.g. AbortSignal.timeout(5000) or an AbortController’s signal');
  }
  return undefined;
}

// Duck-typed: a signal from another realm or a polyfill is still usable.
function isAbortSignal(value: unknown): boolean {
  const s = value as { aborted?: unknown; addEventListener?: unknown };
  return typeof value === 'object' && typeof s.aborted === 'boolean' && typeof s.addEventListener === 'function';
}
