/**
 * Sends one request and records both sides. Positive checks go THROUGH OUR CLIENT, so a request
 * the client builds wrongly is rejected by Prism (it validates requests) and becomes a finding.
 * Negative checks need requests the client refuses to build: they use the client with a `fetch`
 * that strips a key header after the client set it, or plain `fetch` for an invalid path id.
 */
import { createFungiesClient } from '../../src/client.js';
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../src/auth.js';
import { FungiesError, ResponseParseError } from '../../src/errors.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { excerpt, maskKey, redact } from '../../src/redact.js';
import type { PlannedRequest } from './request-builder.js';
import type { RecordedRequest, RecordedResponse } from './types.js';

export interface Target {
  baseUrl: string;
  publicKey: string;
  secretKey: string | undefined;
  /** Per-request timeout. */
  timeoutMs: number;
}

export interface Exchange {
  request?: RecordedRequest;
  response?: RecordedResponse & { headers: Headers; text: string };
  /** The client refused to send (a finding against the client) or the connection failed. */
  error?: Error;
}

const BODY_EXCERPT = 300;

function recordRequest(request: Request, bodyText: string | undefined, secrets: (string | undefined)[]): RecordedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = name === PUBLIC_KEY_HEADER || name === SECRET_KEY_HEADER ? maskKey(value) : redact(value, secrets);
  });
  return { method: request.method, url: redact(request.url, secrets), headers, ...(bodyText !== undefined ? { body: redact(bodyText, secrets) } : {}) };
}

/** A `fetch` that records what goes out and comes back; `strip` removes headers after the client set them. */
function recordingFetch(target: Target, into: Exchange, strip: readonly string[]): typeof fetch {
  const secrets = [target.publicKey, target.secretKey];
  return async (input, init) => {
    const request = new Request(input, init);
    for (const name of strip) request.headers.delete(name);
    const bodyText = request.body ? await request.clone().text() : undefined;
    into.request = recordRequest(request, bodyText, secrets);
    const response = await fetch(request, { signal: AbortSignal.timeout(target.timeoutMs) });
    const text = await response.clone().text();
    into.response = {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type'),
      bodyExcerpt: excerpt(redact(text, secrets), BODY_EXCERPT),
      headers: response.headers,
      text,
    };
    return response;
  };
}

export interface SendOptions {
  /** Extra request headers, e.g. Prism's `Prefer: code=400`. */
  headers?: Record<string, string>;
  /** Key headers to remove after the client added them (negative checks). */
  strip?: readonly string[];
}

/** Sends `planned` through createFungiesClient. */
export async function sendThroughClient(operation: OperationMeta, planned: PlannedRequest, target: Target, options: SendOptions = {}): Promise<Exchange> {
  const exchange: Exchange = {};
  const client = createFungiesClient({
    publicKey: target.publicKey,
    secretKey: target.secretKey,
    baseUrl: target.baseUrl,
    // Every response is judged as the server sent it: a retry would hide a 500 or a 429.
    retry: false,
    timeout: target.timeoutMs,
    fetch: recordingFetch(target, exchange, options.strip ?? []),
  });
  const init: Record<string, unknown> = {
    params: { path: planned.path, query: planned.query, header: planned.header },
    headers: options.headers ?? {},
  };
  if (planned.body !== undefined) init['body'] = planned.body;
  try {
    // The operation is chosen at run time, so the typed per-path signature cannot apply here.
    await (client.request as unknown as (m: string, p: string, i: unknown) => Promise<unknown>)(operation.method, operation.path, init);
  } catch (err) {
    // A 2xx that is not JSON: the response is recorded and the checker reports it.
    if (!(err instanceof ResponseParseError)) exchange.error = err instanceof Error ? err : new Error(String(err));
  }
  return exchange;
}

/**
 * Sends a request the client would refuse (a path id its schema rejects) with plain fetch, with
 * the same key headers the client would send.
 */
export async function sendRaw(operation: OperationMeta, pathValues: Record<string, string>, planned: PlannedRequest, target: Target): Promise<Exchange> {
  const exchange: Exchange = {};
  const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  const url = new URL(target.baseUrl + path);
  for (const [name, value] of Object.entries(planned.query)) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const headers: Record<string, string> = { ...planned.header, [PUBLIC_KEY_HEADER]: target.publicKey };
  if (operation.authHeaders.includes(SECRET_KEY_HEADER) && target.secretKey) headers[SECRET_KEY_HEADER] = target.secretKey;
  const init: RequestInit = { method: operation.method.toUpperCase(), headers };
  if (planned.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(planned.body);
  }
  try {
    await recordingFetch(target, exchange, [])(url, init);
  } catch (err) {
    exchange.error = err instanceof Error ? err : new Error(String(err));
  }
  return exchange;
}

/** True when the error is the client refusing to send (our bug or our config), not the network. */
export function isClientRefusal(error: Error | undefined): boolean {
  return error instanceof FungiesError && error.name !== 'FungiesConnectionError' && error.name !== 'FungiesTimeoutError';
}
