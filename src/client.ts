/** createFungiesClient: openapi-fetch typed by the spec, plus the API's auth, id checks, the transport and clear errors. */
import createClient, { createQuerySerializer, defaultBodySerializer, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import { applyAuth } from './auth.js';
import { type BufferedResponse, isBufferedResponse } from './buffered-response.js';
import { recordCallOptions } from './call-options.js';
import type { FungiesClient } from './client-types.js';
import { createDirectCall, isDirect } from './direct-call.js';
import {
  FungiesApiError,
  FungiesConfigError,
  FungiesConnectionError,
  FungiesError,
  FungiesTimeoutError,
  type RequestInfo,
  ResponseParseError,
} from './errors.js';
import type { Send } from './exchange.js';
import { parseHttpUrl } from './http-url.js';
import type { OperationMeta } from './operation-meta.js';
import { findOperation } from './operations.js';
import { type FungiesClientOptions, type NormalizedOptions, normalizeOptions } from './options.js';
import { checkPathParams } from './path-params.js';
import { hasObjectPrototype } from './plain-object.js';
import { redact, redactBody, redactExcerpt, redactHeaders } from './redact.js';
import { callInitProblem } from './request-options.js';
import { type ResponseInfo, recordResponseInfo } from './response-info.js';
import { assertValidResponse } from './response-validation.js';
import { createTransport } from './transport.js';
import { USER_AGENT } from './version.js';

export type { FungiesClient } from './client-types.js';

export function createFungiesClient(options: FungiesClientOptions): FungiesClient {
  return clientFor(options, 'createFungiesClient');
}

/**
 * The path-style client; `factory` is the public function the caller called, for messages. `send`
 * (not public): every attempt goes out through it instead of fetch or node:http.
 */
export function clientFor(options: FungiesClientOptions, factory: string, send?: Send): FungiesClient {
  const normalized = normalizeOptions(options, factory, send === undefined);
  const secrets = [normalized.publicKey, normalized.secretKey];
  const transport = createTransport({
    fetch: normalized.fetch,
    send,
    timeout: normalized.timeout,
    retry: normalized.retry,
    maxResponseBytes: normalized.maxResponseBytes,
    maxSockets: normalized.maxSockets,
    log: normalized.requestLog,
  });
  const headers = { 'user-agent': USER_AGENT, ...normalized.headers };
  const client = createClient<paths, 'application/json'>({
    baseUrl: normalized.baseUrl,
    Request: LazyRequest,
    fetch: transport.fetch,
    headers,
    redirect: 'manual',
    bodySerializer: serializeBody,
    querySerializer: serializeQuery,
  });
  client.use(fungiesMiddleware(normalized, secrets));
  const keys = { publicKey: normalized.publicKey, secretKey: normalized.secretKey, factory: normalized.factory };
  const { validateResponses } = normalized;
  const direct = createDirectCall({
    baseUrl: normalized.baseUrl,
    headers,
    keys,
    serializeBody: (body, h) => serializeBody(body, h),
    serializeQuery,
    describe: (method, schemaPath) => {
      const operation = findOperation(method, schemaPath);
      return { operation, info: { operationId: operation?.operationId, method, path: schemaPath, secrets } };
    },
    checkPathParams,
    send: transport.send,
    checkResponse: (response, operation, info) => checkResponse(response, operation, info, validateResponses),
    failure: (error, method, url, schemaPath) => connectionFailure(error, method, url, schemaPath, secrets),
  });
  route(client, direct, normalized.baseUrl);
  return client as FungiesClient;
}

const CALLS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type BaseClient = ReturnType<typeof createClient<paths, 'application/json'>>;
type Direct = ReturnType<typeof createDirectCall>;

/**
 * Every way in (the method calls and `request()`) checks the call's own headers and signal first,
 * then sends directly, or through openapi-fetch when a caller's middleware or an openapi-fetch
 * option needs its Request; the call's own options then travel in the side table.
 */
function route(client: BaseClient, direct: Direct, baseUrl: string): void {
  const calls = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const middleware = new Set<unknown>();
  const use = client.use.bind(client);
  const eject = client.eject.bind(client);
  client.use = (...added) => {
    use(...added);
    for (const m of added) if (m) middleware.add(m);
  };
  client.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) middleware.delete(m);
  };
  const dispatch = (send: (url: unknown, init: unknown) => Promise<unknown>, method: string, url: unknown, init: unknown) => {
    const problem = callInitProblem(init) ?? perRequestBaseUrlProblem(init, method, url, baseUrl);
    if (problem) return Promise.reject(problem);
    if (middleware.size === 0 && typeof url === 'string' && isDirect(init)) return direct(method, url, init as never);
    return send(url, withRecordedOptions(init));
  };
  for (const name of CALLS) {
    const send = calls[name]!;
    calls[name] = (url, init) => dispatch(send, name, url, init);
  }
  const request = calls['request']!;
  calls['request'] = (method, url, init) => dispatch((u, i) => request(method, u, i), String(method).toUpperCase(), url, init);
}

function perRequestBaseUrlProblem(init: unknown, method: string, url: unknown, baseUrl: string): FungiesConfigError | undefined {
  const given = (init as { baseUrl?: unknown } | undefined)?.baseUrl;
  if (given === undefined || given === null || given === '') return undefined;
  return targetProblem(`${String(given).replace(/\/+$/, '')}/`, method, String(url), baseUrl);
}

/** The init openapi-fetch gets: the client's own options moved from it into the side table. */
function withRecordedOptions(init: unknown): unknown {
  const { timeout, retry, maxResponseBytes, middleware, ...rest } = (init ?? {}) as Record<string, unknown>;
  const signal = rest['signal'] as AbortSignal | undefined;
  const recorder = recordCallOptions({ signal: signal ?? undefined, timeout, retry, maxResponseBytes });
  return { ...rest, middleware: [...((middleware as Middleware[] | undefined) ?? []), recorder] };
}

/**
 * openapi-fetch reads `globalThis.Request` when a client is created; on Node 20 that first read
 * loads node's bundled fetch (about 30 ms), which a call sent directly never needs. This stands in
 * for it and reads the global only when openapi-fetch builds a request (a call through a middleware).
 */
const LazyRequest = function LazyRequest(...args: ConstructorParameters<typeof Request>) {
  return new globalThis.Request(...args);
} as unknown as typeof Request;
// openapi-fetch asks `instanceof` of what a middleware returns: the answer is the real Request's.
Object.defineProperty(LazyRequest, Symbol.hasInstance, { value: (value: unknown) => value instanceof globalThis.Request });

/** openapi-fetch's own serializer; what it cannot write (a cycle, a BigInt) is the caller's input, named as such. */
// At run time openapi-fetch also passes the headers (for form bodies); its types declare only the body.
const openapiBodySerializer = defaultBodySerializer as (body: unknown, headers?: unknown) => unknown;

function serializeBody(body: unknown, headers?: unknown): unknown {
  try {
    // What openapi-fetch's serializer would do for plain data sent as JSON, without its first step,
    // `body instanceof FormData`: the first read of that global loads node's fetch (~45 ms of CPU)
    // before the first request is sent. Plain data is never a FormData.
    if (isPlainData(body) && !isFormEncoded(headers)) return JSON.stringify(body);
    return openapiBodySerializer(body, headers);
  } catch (err) {
    const reason = String((err as Error).message).split('\n')[0];
    throw new FungiesConfigError('body', `body cannot be sent as JSON (${reason}): pass plain data, with no cycles, BigInt or functions`);
  }
}

function isPlainData(value: unknown): boolean {
  return typeof value !== 'object' || value === null || Array.isArray(value) || hasObjectPrototype(value);
}

/** The one other content type openapi-fetch's serializer writes; it is told in a header record or a Headers. */
function isFormEncoded(headers: unknown): boolean {
  if (typeof headers !== 'object' || headers === null) return false;
  if (!hasObjectPrototype(headers)) return true;
  const record = headers as Record<string, unknown>;
  return (record['Content-Type'] ?? record['content-type']) === 'application/x-www-form-urlencoded';
}

const defaultQuery = createQuerySerializer();

function serializeQuery(query: Record<string, unknown>): string {
  try {
    return defaultQuery(encodeNames(query) as Record<string, unknown>);
  } catch (err) {
    throw new FungiesConfigError(
      'params.query',
      `params.query cannot be written into the URL (${(err as Error).message}): pass strings, numbers, booleans or arrays of them`,
    );
  }
}

/**
 * openapi-fetch encodes values but writes names as given: a name with `&` or `=` would add a
 * parameter and one with `#` would cut the query short. Names (and deepObject keys) are encoded here.
 */
function encodeNames(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) out[encodeURIComponent(name)] = encodeNames(item);
  return out;
}

function fungiesMiddleware(
  { publicKey, secretKey, validateResponses, baseUrl, factory }: NormalizedOptions,
  secrets: readonly (string | undefined)[],
): Middleware {
  return {
    onRequest({ request, schemaPath, params }) {
      const problem = targetProblem(request.url, request.method, schemaPath, baseUrl);
      if (problem) throw problem;
      const operation = checkRequest(request.method, schemaPath, params.path as Record<string, unknown> | undefined);
      applyAuth(request.headers, operation, { publicKey, secretKey, factory });
      return undefined;
    },
    async onResponse({ request, response, schemaPath }) {
      if (isBufferedResponse(response)) {
        const operation = findOperation(request.method, schemaPath);
        const info = { operationId: operation?.operationId, method: request.method, path: schemaPath, secrets };
        await checkResponse(response, operation, info, validateResponses);
      } else recordResponseInfo(response, { ...infoOf(request.method, schemaPath), secrets });
      return undefined;
    },
    onError({ error, request, schemaPath }) {
      return connectionFailure(error, request.method, request.url, schemaPath, secrets);
    },
  };
}

/**
 * openapi-fetch takes a per-request baseUrl; the keys must still only go to the configured API.
 * Checked before openapi-fetch builds its Request (which throws a TypeError for a URL with a
 * password) and again in the middleware, on the URL a caller's middleware may have changed.
 */
function targetProblem(url: string, method: string, schemaPath: string, baseUrl: string): FungiesConfigError | undefined {
  const origin = originOf(baseUrl);
  if (url.startsWith(`${origin}/`)) return undefined;
  const target = parseHttpUrl(url, { field: 'the per-request baseUrl', example: baseUrl, base: false });
  if (typeof target === 'string') return new FungiesConfigError('baseUrl', `${method} ${schemaPath}: ${target}`);
  return new FungiesConfigError(
    'baseUrl',
    `${method} ${schemaPath}: the per-request baseUrl points at ${target.origin}, but the keys only go to ${origin}; create a client with that baseUrl instead`,
  );
}

const origins = new Map<string, string>();
function originOf(baseUrl: string): string {
  let origin = origins.get(baseUrl);
  if (origin === undefined) {
    origin = new URL(baseUrl).origin;
    origins.set(baseUrl, origin);
  }
  return origin;
}

function checkRequest(method: string, schemaPath: string, path: Record<string, unknown> | undefined): OperationMeta | undefined {
  const operation = findOperation(method, schemaPath);
  if (operation) checkPathParams(operation, path);
  return operation;
}

function infoOf(method: string, schemaPath: string): RequestInfo {
  return { operationId: findOperation(method, schemaPath)?.operationId, method, path: schemaPath };
}

/**
 * Records which call the response answered, and rejects a 2xx that is not what the spec promises.
 * Synchronous unless the body is validated: a promise per call costs more than the check.
 */
function checkResponse(
  response: BufferedResponse,
  operation: OperationMeta | undefined,
  info: ResponseInfo,
  validateResponses: boolean,
): Promise<void> | undefined {
  recordResponseInfo(response, info, true);
  if (!response.ok) return undefined;
  try {
    return checkSuccess(response, operation, info, validateResponses)?.catch((err: unknown) => {
      throw asCheckError(err, response, info);
    });
  } catch (err) {
    throw asCheckError(err, response, info);
  }
}

function asCheckError(err: unknown, response: BufferedResponse, info: ResponseInfo): FungiesError {
  if (err instanceof FungiesError) return err;
  // A body too deep for the validator or the redaction (RangeError) must still be a FungiesError.
  return parseError(response, info, `response body could not be checked (${(err as Error).message})`, info.secrets);
}

function connectionFailure(
  error: unknown,
  method: string,
  url: string,
  schemaPath: string,
  secrets: readonly (string | undefined)[],
): Error {
  if (error instanceof FungiesError) return error;
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // Shown as given.
  }
  return new FungiesConnectionError(redact(`Connection error: ${method} ${origin}${schemaPath} could not be reached (${cause})`, secrets), {
    cause: error,
  });
}

/**
 * A 2xx is success only when its body is the JSON the spec promises: not empty, not HTML from a
 * proxy, not the API's error envelope (which the API can send with 200).
 */
function checkSuccess(
  response: BufferedResponse,
  operation: OperationMeta | undefined,
  info: ResponseInfo,
  validate: boolean,
): Promise<void> | undefined {
  const { secrets } = info;
  if (response.bodyText === '') {
    if (operation && promisesBody(operation))
      throw parseError(response, info, 'response body is empty, but the spec documents a JSON body', secrets);
    return undefined;
  }
  let body: unknown;
  try {
    body = response.parsed();
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    throw parseError(response, info, `response body is not JSON (${type}): ${redactExcerpt(response.bodyText, secrets)}`, secrets);
  }
  if (isErrorEnvelope(body))
    throw FungiesApiError.from(
      response.status,
      redactBody(body, secrets, response.bodyText),
      redactHeaders(response.headers, secrets),
      info,
    );
  return validate && operation ? validateInTime(response, operation, body, info) : undefined;
}

/**
 * Validation is part of the call: it starts only within the attempt's timeout and a validation
 * that ends past it makes the call late, like a slow body.
 */
function validateInTime(
  response: BufferedResponse,
  operation: OperationMeta,
  body: unknown,
  info: ResponseInfo,
): Promise<void> | undefined {
  checkInTime(response, info, 'before the response body could be validated');
  const loading = assertValidResponse(operation, response.status, response.header('content-type'), body, info.method, info.secrets);
  if (loading) return loading.then(() => checkInTime(response, info, 'while validating the response body'));
  checkInTime(response, info, 'while validating the response body');
  return undefined;
}

function checkInTime(response: BufferedResponse, info: RequestInfo, when: string): void {
  if (response.endsAt === undefined || performance.now() <= response.endsAt) return;
  throw new FungiesTimeoutError(
    `Request timed out ${when}: ${info.method} ${info.path}${info.operationId ? ` (${info.operationId})` : ''}`,
  );
}

function promisesBody(operation: OperationMeta): boolean {
  return Object.entries(operation.responses).some(([status, meta]) => status.startsWith('2') && Object.keys(meta.content).length > 0);
}

function isErrorEnvelope(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'error';
}

function parseError(
  response: BufferedResponse,
  info: RequestInfo,
  detail: string,
  secrets: readonly (string | undefined)[],
): ResponseParseError {
  const where = `${info.method} ${info.path}${info.operationId ? ` (${info.operationId})` : ''}`;
  return new ResponseParseError(
    info.operationId,
    response.status,
    redactExcerpt(response.bodyText, secrets),
    `${response.status} ${where}: ${detail}`,
  );
}
