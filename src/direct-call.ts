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
import { isHeadersObject } from './headers.js';
import type { OperationMeta } from './operation-meta.js';
import type { ResponseInfo } from './response-info.js';
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
  /** The operation of a method and path template, and the record of who its responses answer. */
  describe(method: string, schemaPath: string): { operation: OperationMeta | undefined; info: ResponseInfo };
  /** Checks the path parameters (throws InvalidParameterError). */
  checkPathParams(operation: OperationMeta, path: Record<string, unknown> | undefined): void;
  send(input: CallInput): Promise<BufferedResponse>;
  /** Records who the response answered and rejects a 2xx that is not what the spec promises; a promise only when the check waits (validation). */
  checkResponse(response: BufferedResponse, operation: OperationMeta | undefined, info: ResponseInfo): Promise<void> | undefined;
  /** Any failure as a FungiesError. */
  failure(error: unknown, method: string, url: string, schemaPath: string): Error;
}

/** True when `init` holds only what a direct call understands, each in the shape it expects. */
export function isDirect(init: unknown): boolean {
  if (init === undefined || init === null) return true;
  if (typeof init !== 'object') return false;
  for (const key in init) if (!DIRECT_FIELDS.has(key)) return false;
  const { headers, body } = init as Init;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || isHeadersObject(headers))) return false;
  // FormData, Blob and friends are encoded by a Request.
  return (
    body === undefined ||
    body === null ||
    typeof body !== 'object' ||
    Object.getPrototypeOf(body) === Object.prototype ||
    Array.isArray(body)
  );
}

/** What a method and path template always resolve to, worked out on their first call. */
interface Plan {
  operation: OperationMeta | undefined;
  info: ResponseInfo;
  /** The template split around its `{name}` parameters (literal, name, literal, …); undefined when it has another style. */
  pieces: string[] | undefined;
}

export function createDirectCall(parts: DirectCallParts) {
  const base = lowerCased(parts.headers);
  const plans = new Map<string, Map<string, Plan>>();
  const planOf = (method: string, schemaPath: string): Plan => {
    let byPath = plans.get(method);
    if (!byPath) {
      byPath = new Map();
      plans.set(method, byPath);
    }
    let plan = byPath.get(schemaPath);
    if (!plan) {
      plan = { ...parts.describe(method, schemaPath), pieces: parts.baseUrl.includes('{') ? undefined : splitTemplate(schemaPath) };
      // Calls with made-up paths must not grow the table without bound.
      if (byPath.size < 1000) byPath.set(schemaPath, plan);
    }
    return plan;
  };
  return async (method: string, schemaPath: string, init: Init = {}): Promise<{ data?: unknown; error?: unknown; response: Response }> => {
    const params = init.params ?? {};
    // As openapi-fetch: JSON content-type lowest, then the client's, the call's and params.header.
    const headers: Record<string, string> = init.body === undefined ? { ...base } : { 'content-type': 'application/json', ...base };
    merge(headers, init.headers);
    merge(headers, params.header);
    const body = init.body === undefined ? null : (parts.serializeBody(init.body, headers) as string);
    const plan = planOf(method, schemaPath);
    const url = finalUrl(plan, schemaPath, parts, params);
    if (plan.operation) parts.checkPathParams(plan.operation, params.path);
    applyAuthToRecord(headers, plan.operation, parts.keys);
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
    const checking = parts.checkResponse(response, plan.operation, plan.info);
    if (checking) await checking;
    return resultOf(response, method);
  };
}

/** `/v0/orders/{id}/cancel` → ['/v0/orders/', 'id', '/cancel']; undefined for a label, matrix or exploded parameter. */
function splitTemplate(template: string): string[] | undefined {
  const pieces = template.split(/\{([^{}]+)\}/);
  for (let i = 1; i < pieces.length; i += 2) if (/^[.;]|\*$/.test(pieces[i]!)) return undefined;
  return pieces;
}

/**
 * The URL openapi-fetch's createFinalURL builds, without its per-call template scan when every
 * path value is a string, number or boolean and there is no query (the common call); anything
 * else goes through createFinalURL itself.
 */
function finalUrl(plan: Plan, schemaPath: string, parts: DirectCallParts, params: NonNullable<Init['params']>): string {
  const { pieces } = plan;
  const { path, query } = params;
  if (pieces && (query === undefined || query === null || isEmpty(query)) && (pieces.length === 1 || path)) {
    let url = parts.baseUrl + pieces[0]!;
    for (let i = 1; i < pieces.length; i += 2) {
      const value = path![pieces[i]!];
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return slowUrl(schemaPath, parts, params);
      url += encodeURIComponent(value) + pieces[i + 1]!;
    }
    return url;
  }
  return slowUrl(schemaPath, parts, params);
}

function slowUrl(schemaPath: string, parts: DirectCallParts, params: NonNullable<Init['params']>): string {
  return createFinalURL(schemaPath, {
    baseUrl: parts.baseUrl,
    params,
    querySerializer: parts.serializeQuery,
    pathSerializer: defaultPathSerializer,
  });
}

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return true;
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
