/** createFungiesClient: openapi-fetch typed by the spec, plus the API's auth, id checks, the transport and clear errors. */
import createClient, { createQuerySerializer, defaultBodySerializer, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import { applyAuth } from './auth.js';
import { type BufferedResponse, isBufferedResponse } from './buffered-response.js';
import type { FungiesClient } from './client-types.js';
import {
  FungiesApiError,
  FungiesConfigError,
  FungiesConnectionError,
  FungiesError,
  FungiesTimeoutError,
  type RequestInfo,
  ResponseParseError,
} from './errors.js';
import { parseHttpUrl } from './http-url.js';
import type { OperationMeta } from './operation-meta.js';
import { findOperation } from './operations.js';
import { type FungiesClientOptions, type NormalizedOptions, normalizeOptions } from './options.js';
import { checkPathParams } from './path-params.js';
import { redact, redactBody, redactExcerpt, redactHeaders } from './redact.js';
import { FungiesRequest } from './request.js';
import { callInitProblem } from './request-options.js';
import { recordResponseInfo } from './response-info.js';
import { assertValidResponse } from './response-validation.js';
import { createTransport } from './transport.js';
import { USER_AGENT } from './version.js';

export type { FungiesClient } from './client-types.js';

export function createFungiesClient(options: FungiesClientOptions): FungiesClient {
  const normalized = normalizeOptions(options);
  const secrets = [normalized.publicKey, normalized.secretKey];
  const client = createClient<paths, 'application/json'>({
    baseUrl: normalized.baseUrl,
    // Our own request object: openapi-fetch builds one per call, and the transport sends it without a WHATWG Request.
    Request: FungiesRequest as unknown as typeof Request,
    fetch: createTransport({
      fetch: normalized.fetch,
      timeout: normalized.timeout,
      retry: normalized.retry,
      maxResponseBytes: normalized.maxResponseBytes,
      maxSockets: normalized.maxSockets,
      log: normalized.requestLog,
    }),
    headers: { 'user-agent': USER_AGENT, ...normalized.headers },
    redirect: 'manual',
    bodySerializer: serializeBody,
    querySerializer: serializeQuery,
  });
  client.use(fungiesMiddleware(normalized, secrets));
  guardCalls(client);
  return client as FungiesClient;
}

const CALLS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** Every way in (the method calls and `request()`) checks the call's own headers and signal before openapi-fetch builds anything. */
function guardCalls(client: ReturnType<typeof createClient<paths, 'application/json'>>): void {
  const calls = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of CALLS) {
    const send = calls[name]!;
    calls[name] = (url, init) => {
      const problem = callInitProblem(init);
      return problem ? Promise.reject(problem) : send(url, init);
    };
  }
  const request = calls['request']!;
  calls['request'] = (method, url, init) => {
    const problem = callInitProblem(init);
    return problem ? Promise.reject(problem) : request(method, url, init);
  };
}

/** openapi-fetch's own serializer; what it cannot write (a cycle, a BigInt) is the caller's input, named as such. */
// At run time openapi-fetch also passes the headers (for form bodies); its types declare only the body.
const openapiBodySerializer = defaultBodySerializer as (body: unknown, headers?: unknown) => unknown;

function serializeBody(body: unknown, headers?: unknown): unknown {
  try {
    return openapiBodySerializer(body, headers);
  } catch (err) {
    const reason = String((err as Error).message).split('\n')[0];
    throw new FungiesConfigError('body', `body cannot be sent as JSON (${reason}): pass plain data, with no cycles, BigInt or functions`);
  }
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
  { publicKey, secretKey, validateResponses, baseUrl }: NormalizedOptions,
  secrets: readonly (string | undefined)[],
): Middleware {
  const origin = new URL(baseUrl).origin;
  return {
    onRequest({ request, schemaPath, params }) {
      // openapi-fetch takes a per-request baseUrl; the keys must still only go to the configured API.
      if (!request.url.startsWith(`${origin}/`)) {
        const target = parseHttpUrl(request.url, { field: 'the per-request baseUrl', example: baseUrl, base: false });
        if (typeof target === 'string') throw new FungiesConfigError('baseUrl', `${request.method} ${schemaPath}: ${target}`);
        throw new FungiesConfigError(
          'baseUrl',
          `${request.method} ${schemaPath}: the per-request baseUrl points at ${new URL(request.url).origin}, but the keys only go to ${origin}; create a client with that baseUrl instead`,
        );
      }
      const operation = findOperation(request.method, schemaPath);
      if (operation) checkPathParams(operation, params.path as Record<string, unknown> | undefined);
      applyAuth(request.headers, operation, { publicKey, secretKey });
      // A user's middleware may have swapped in a WHATWG Request, which has no room for these.
      if (!(request instanceof Request)) {
        const ours = request as unknown as FungiesRequest;
        ours.operation = operation;
        ours.schemaPath = schemaPath;
      }
      return undefined;
    },
    async onResponse({ request, response, schemaPath }) {
      const operation = findOperation(request.method, schemaPath);
      const info = { operationId: operation?.operationId, method: request.method, path: schemaPath };
      recordResponseInfo(response, { ...info, secrets });
      if (!response.ok || !isBufferedResponse(response)) return undefined;
      try {
        await checkSuccess(response, operation, info, secrets, validateResponses);
      } catch (err) {
        if (err instanceof FungiesError) throw err;
        // A body too deep for the validator or the redaction (RangeError) must still be a FungiesError.
        throw parseError(response, info, `response body could not be checked (${(err as Error).message})`, secrets);
      }
      return undefined;
    },
    onError({ error, request, schemaPath }) {
      if (error instanceof FungiesError) return error;
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return new FungiesConnectionError(
        redact(`Connection error: ${request.method} ${new URL(request.url).origin}${schemaPath} could not be reached (${cause})`, secrets),
        { cause: error },
      );
    },
  };
}

/**
 * A 2xx is success only when its body is the JSON the spec promises: not empty, not HTML from a
 * proxy, not the API's error envelope (which the API can send with 200).
 */
async function checkSuccess(
  response: BufferedResponse,
  operation: OperationMeta | undefined,
  info: RequestInfo,
  secrets: readonly (string | undefined)[],
  validate: boolean,
): Promise<void> {
  if (response.bodyText === '') {
    if (operation && promisesBody(operation))
      throw parseError(response, info, 'response body is empty, but the spec documents a JSON body', secrets);
    return;
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
  if (validate && operation) {
    // Validation is part of the call: it starts only within the attempt's timeout and a
    // validation that ends past it makes the call late, like a slow body.
    checkInTime(response, info, 'before the response body could be validated');
    await assertValidResponse(operation, response, body, info.method, secrets);
    checkInTime(response, info, 'while validating the response body');
  }
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
