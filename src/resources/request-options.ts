/** Per-request options of the resource methods, and how they reach openapi-fetch. */
import { FungiesConfigError } from '../errors.js';

export interface RequestOptions {
  /** Aborts the request, or a `for await` iteration between pages, when it fires. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this request only. The key headers are set by the client and win over these. */
  headers?: Record<string, string> | undefined;
}

const KNOWN = ['signal', 'headers'];

/**
 * The single place request options become openapi-fetch init fields; a per-request timeout or
 * retry policy joins here once the client's fetch can take one per call.
 */
export function requestInit(options: RequestOptions | undefined): { signal?: AbortSignal; headers?: Record<string, string> } {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new FungiesConfigError('options', `request options must be an object like { signal, headers }; got ${options === null ? 'null' : typeof options}`);
  }
  const unknown = Object.keys(options).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) throw new FungiesConfigError(unknown[0] ?? 'options', `unknown request option ${unknown.map((k) => `'${k}'`).join(', ')}; the options are ${KNOWN.join(', ')}`);
  const init: { signal?: AbortSignal; headers?: Record<string, string> } = {};
  if (options.signal !== undefined) init.signal = options.signal;
  if (options.headers !== undefined) init.headers = options.headers;
  return init;
}
