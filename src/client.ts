/** createFungiesClient: openapi-fetch typed by the spec, plus the API's auth, id checks and clear errors. */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import { applyAuth } from './auth.js';
import { FungiesConnectionError, FungiesError, ResponseParseError } from './errors.js';
import { findOperation } from './operations.js';
import { normalizeOptions, type FungiesClientOptions, type NormalizedOptions } from './options.js';
import { checkPathParams } from './path-params.js';
import { excerpt, redact } from './redact.js';
import { resilientFetch } from './resilient-fetch.js';
import { assertValidResponse } from './response-validation.js';
import { responseInfo } from './unwrap.js';

/** The openapi-fetch client for the Fungies API: `GET/POST/PATCH/DELETE(path, { params, body })`. */
export type FungiesClient = Client<paths, 'application/json'>;

export function createFungiesClient(options: FungiesClientOptions): FungiesClient {
  const normalized = normalizeOptions(options);
  const client = createClient<paths, 'application/json'>({
    baseUrl: normalized.baseUrl,
    fetch: resilientFetch({ fetch: normalized.fetch, timeout: normalized.timeout, retry: normalized.retry, log: normalized.log }),
    headers: normalized.headers,
  });
  client.use(fungiesMiddleware(normalized));
  return client;
}

function fungiesMiddleware({ publicKey, secretKey, validateResponses }: NormalizedOptions): Middleware {
  const secrets = [publicKey, secretKey];
  return {
    onRequest({ request, schemaPath, params }) {
      const operation = findOperation(request.method, schemaPath);
      if (operation) checkPathParams(operation, params.path as Record<string, unknown> | undefined);
      applyAuth(request.headers, operation, { publicKey, secretKey });
      return request;
    },
    async onResponse({ request, response, schemaPath }) {
      const operation = findOperation(request.method, schemaPath);
      responseInfo.set(response, { operationId: operation?.operationId, method: request.method, path: schemaPath, secrets });
      if (!response.ok) return undefined;
      const body = await readJsonBody(response, operation?.operationId, request.method, schemaPath);
      if (validateResponses && operation) await assertValidResponse(operation, response, body, request.method);
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
 * openapi-fetch would throw a bare SyntaxError on a 2xx whose body is not JSON (a proxy's HTML
 * page, a truncated body); this names the operation and shows the start of the body instead.
 */
async function readJsonBody(response: Response, operationId: string | undefined, method: string, path: string): Promise<unknown> {
  const text = await response.clone().text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    const start = excerpt(redact(text));
    throw new ResponseParseError(
      operationId,
      response.status,
      start,
      `${response.status} ${method} ${path}${operationId ? ` (${operationId})` : ''}: response body is not JSON (${type}): ${start}`,
    );
  }
}
