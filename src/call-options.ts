/**
 * The options of one path-style call that openapi-fetch does not know (timeout, retry,
 * maxResponseBytes, the caller's own signal) and the path template, kept beside the Request
 * openapi-fetch builds, in a side table keyed by that Request: a typed record, not fields on it.
 * Used only when a call goes through openapi-fetch (a caller's middleware or openapi-fetch option).
 */
import type { Middleware } from 'openapi-fetch';

export interface CallOptions {
  /** The caller's signal as passed, never the Request's derived one. */
  signal: AbortSignal | undefined;
  timeout: unknown;
  retry: unknown;
  maxResponseBytes: unknown;
  schemaPath: string;
}

const table = new WeakMap<Request, CallOptions>();

export function callOptionsOf(request: Request): CallOptions | undefined {
  return table.get(request);
}

/**
 * A per-request middleware that records the call's options against the Request that will be
 * sent. Per-request middleware runs after every client-wide one, so it sees the Request a caller's
 * middleware may have swapped in.
 */
export function recordCallOptions(options: Omit<CallOptions, 'schemaPath'>): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      table.set(request, { ...options, schemaPath });
      return undefined;
    },
  };
}
