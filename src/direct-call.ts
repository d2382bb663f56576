/**
 * A path-style call sent without openapi-fetch building a Request: the URL, headers and body are
 * built as openapi-fetch builds them (its own URL, path and query serializers, its header merge
 * order, its result shape), then handed to the transport as a plain record. The client takes this
 * way whenever nothing needs a Request (no caller middleware, no openapi-fetch-only option), and
 * the same checks run on both ways (src/client.ts).
 */
import { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import { applyAuthToRecord, type Keys } from './auth.js';
import type { BufferedResponse } from './buffered-response.js';
import type { OperationMeta } from './operation-meta.js';
import type { CallInput } from './transport.js';

/** The init fields a direct call understands; any other (parseAs, baseUrl, middleware…) needs openapi-fetch. */
const DIRECT_FIELDS = new Set(['params', 'body', 'headers', 'signal', 'timeout', 'retry', 'maxResponseBytes']);

type Init = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, unknown>;
  signal?: AbortSignal;
  timeout?: unknown;
  retry?: unknown;
  maxResponseBytes?: unknown;
};

export interface DirectCallParts {
  baseUrl: string;
  /** The client-wide headers (user-agent first), as given. */
  headers: Record<string, string>;
  keys: Keys;
  serializeBody(body: unknown, headers: Record<string, string>): unknown;
  serializeQuery(query: Record<string, unknown>): string;
  /** Finds the operation and checks the path parameters (throws InvalidParameterError). */
  checkRequest(method: string, schemaPath: string, path: Record<string, unknown> | undefined): OperationMeta | undefined;
  send(input: CallInput): Promise<BufferedResponse>;
  /** Records who the response answered and rejects a 2xx that is not what the spec promises. */
  checkResponse(response: BufferedResponse, method: string, schemaPath: string): Promise<void>;
  /** Any failure as a FungiesError. */
  failure(error: unknown, method: string, url: string, schemaPath: string): Error;
}

/** True when `init` holds only what a direct call understands, each in the shape it expects. */
export function isDirect(init: unknown): boolean {
  if (init === undefined || init === null) return true;
  if (typeof init !== 'object') return false;
  for (const key in init) if (!DIRECT_FIELDS.has(key)) return false;
  const { headers, body } = init as Init;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || headers instanceof Headers)) return false;
  // FormData, Blob and friends are encoded by a Request.
  return (
    body === undefined ||
    body === null ||
    typeof body !== 'object' ||
    Object.getPrototypeOf(body) === Object.prototype ||
    Array.isArray(body)
  );
}

export function createDirectCall(parts: DirectCallParts) {
  const base = lowerCased(parts.headers);
  return async (method: string, schemaPath: string, init: Init = {}): Promise<{ data?: unknown; error?: unknown; response: Response }> => {
    const params = init.params ?? {};
    // As openapi-fetch: JSON content-type lowest, then the client's, the call's and params.header.
    const headers: Record<string, string> = init.body === undefined ? { ...base } : { 'content-type': 'application/json', ...base };
    merge(headers, init.headers);
    merge(headers, params.header);
    const body = init.body === undefined ? null : (parts.serializeBody(init.body, headers) as string);
    const url = createFinalURL(schemaPath, {
      baseUrl: parts.baseUrl,
      params,
      querySerializer: parts.serializeQuery,
      pathSerializer: defaultPathSerializer,
    });
    const operation = parts.checkRequest(method, schemaPath, params.path);
    applyAuthToRecord(headers, operation, parts.keys);
    let response: BufferedResponse;
    try {
      response = await parts.send({
        url,
        method,
        headers,
        body,
        path: schemaPath,
        signal: init.signal,
        timeout: init.timeout,
        retry: init.retry,
        maxResponseBytes: init.maxResponseBytes,
      });
    } catch (err) {
      throw parts.failure(err, method, url, schemaPath);
    }
    await parts.checkResponse(response, method, schemaPath);
    return resultOf(response, method);
  };
}

/** openapi-fetch's result for a response (parseAs 'json'), read from the already parsed body. */
function resultOf(response: BufferedResponse, method: string): { data?: unknown; error?: unknown; response: Response } {
  const contentLength = response.header('content-length');
  if (
    response.status === 204 ||
    method === 'HEAD' ||
    (contentLength === '0' && !response.header('transfer-encoding')?.includes('chunked'))
  ) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) return { data: response.bodyText === '' && !contentLength ? undefined : response.parsed(), response };
  let error: unknown = response.bodyText;
  try {
    error = response.parsed();
  } catch {
    // Not JSON: the text, as openapi-fetch gives it.
  }
  return { error, response };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  merge(out, headers);
  return out;
}

/** openapi-fetch's mergeHeaders on a record: null removes, an array is joined as Headers.append joins, values trimmed as Headers trims. */
function merge(into: Record<string, string>, from: Record<string, unknown> | undefined): void {
  if (from === undefined || from === null) return;
  for (const name of Object.keys(from)) {
    const value = from[name];
    const key = name.toLowerCase();
    if (value === null) delete into[key];
    else if (Array.isArray(value)) {
      const joined = value.map((v) => trim(String(v)));
      if (joined.length > 0) into[key] = into[key] === undefined ? joined.join(', ') : [into[key], ...joined].join(', ');
    } else if (value !== undefined) into[key] = trim(String(value));
  }
}

function trim(value: string): string {
  return value.replace(/^[\t ]+|[\t ]+$/g, '');
}
