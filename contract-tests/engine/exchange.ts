/**
 * Sends one request and records both sides. Positive checks go THROUGH OUR CLIENT, so a request
 * the client builds wrongly is rejected by Prism (it validates requests) and becomes a finding.
 * Negative checks need requests the client refuses to build: they use the client with a `fetch`
 * that strips a key header after the client set it, or plain `fetch` (invalid ids, bodies, keys,
 * methods). Redirects are never followed: a 3xx is judged as the answer it is.
 */

import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../src/auth.js';
import { createFungiesClient } from '../../src/client.js';
import { FungiesConnectionError, FungiesError, ResponseParseError } from '../../src/errors.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { maskKey, redact, redactExcerpt } from '../../src/redact.js';
import { DEFAULT_MAX_RESPONSE_BYTES, DeadlineExceeded, readBodyBytes } from './capped-body.js';
import type { PlannedRequest } from './request-builder.js';
import type { RecordedRequest, RecordedResponse } from './types.js';

export interface Target {
  baseUrl: string;
  publicKey: string;
  secretKey: string | undefined;
  /** Per-request deadline: headers and the whole body. */
  timeoutMs: number;
  /** Largest body read (`--max-response-bytes`); default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number | undefined;
  /** Sent with every request unless the request sets the header itself (`-H name:value`); values are masked in reports. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** Values the reports must never show: the keys and the extra headers' values. */
export const targetSecrets = (target: Target): (string | undefined)[] => [
  target.publicKey,
  target.secretKey,
  ...Object.values(target.headers ?? {}),
];

export interface Exchange {
  request?: RecordedRequest;
  /** `bytes`: the body as it came, before decoding (a byte-order mark or invalid UTF-8 is gone from `text`). */
  response?: RecordedResponse & { headers: Headers; text: string; bytes?: Uint8Array };
  /** The client refused to send (a finding against the client) or the connection failed. */
  error?: Error;
  /** Milliseconds from sending the request to the end of the response body. */
  elapsedMs?: number;
}

const BODY_EXCERPT = 300;

/** Statuses a Response cannot be built with a body for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function recordRequest(request: Request, bodyText: string | undefined, secrets: (string | undefined)[]): RecordedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = name === PUBLIC_KEY_HEADER || name === SECRET_KEY_HEADER ? maskKey(value) : redact(value, secrets);
  });
  return {
    method: request.method,
    url: redact(request.url, secrets),
    headers,
    ...(bodyText !== undefined ? { body: redact(bodyText, secrets) } : {}),
  };
}

/** A `fetch` that records what goes out and comes back; `strip` removes headers after the client set them. */
function recordingFetch(target: Target, into: Exchange, strip: readonly string[]): typeof fetch {
  const secrets = targetSecrets(target);
  const maxBytes = target.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return async (input, init) => {
    const request = new Request(input, init);
    for (const name of strip) request.headers.delete(name);
    for (const [name, value] of Object.entries(target.headers ?? {})) if (!request.headers.has(name)) request.headers.set(name, value);
    const bodyText = request.body ? await request.clone().text() : undefined;
    into.request = recordRequest(request, bodyText, secrets);
    const started = performance.now();
    // One deadline for the headers and the whole body.
    const signal = AbortSignal.timeout(target.timeoutMs);
    let received: Response;
    try {
      received = await fetch(request, { signal, redirect: 'manual' });
    } catch (err) {
      throw signal.aborted ? new DeadlineExceeded(target.timeoutMs) : err;
    }
    const bytes = await readBodyBytes(received, { maxBytes, signal, timeoutMs: target.timeoutMs });
    const text = new TextDecoder().decode(bytes);
    // The client reads this copy, already in memory: the network is read once, under the cap.
    const response = new Response(NULL_BODY.has(received.status) ? null : (bytes as Uint8Array<ArrayBuffer>), {
      status: received.status,
      statusText: received.statusText,
      headers: received.headers,
    });
    into.elapsedMs = performance.now() - started;
    into.response = {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type'),
      bodyExcerpt: redactExcerpt(text, secrets, BODY_EXCERPT),
      headers: received.headers,
      text,
      bytes,
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
export async function sendThroughClient(
  operation: OperationMeta,
  planned: PlannedRequest,
  target: Target,
  options: SendOptions = {},
): Promise<Exchange> {
  const exchange: Exchange = {};
  const client = createFungiesClient({
    publicKey: target.publicKey,
    secretKey: target.secretKey,
    baseUrl: target.baseUrl,
    // Every response is judged as the server sent it: a retry would hide a 500 or a 429.
    retry: false,
    timeout: target.timeoutMs,
    maxResponseBytes: target.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
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

/** A planned request changed by hand: anything the client would refuse or correct. */
export interface RawRequest extends Omit<PlannedRequest, 'body'> {
  /** Overrides the operation's method (unsupported-method checks). */
  method?: string;
  /** A value sent as JSON, or undefined for no body. */
  body?: unknown;
  /** Key headers as sent: a header set to undefined is left out. Default: the target's keys. */
  keys?: { [PUBLIC_KEY_HEADER]?: string | undefined; [SECRET_KEY_HEADER]?: string | undefined };
}

/** Sends `raw` with plain fetch and the key headers the client would send (unless `raw.keys` says otherwise). */
export async function sendRaw(operation: OperationMeta, raw: RawRequest, target: Target): Promise<Exchange> {
  const exchange: Exchange = {};
  const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(raw.path[name] ?? '')));
  const url = new URL(target.baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(raw.query)) {
    for (const v of Array.isArray(value) ? value : [value])
      url.searchParams.append(name, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const keys = raw.keys ?? {
    [PUBLIC_KEY_HEADER]: target.publicKey,
    [SECRET_KEY_HEADER]: operation.authHeaders.includes(SECRET_KEY_HEADER) ? target.secretKey : undefined,
  };
  const headers: Record<string, string> = { ...raw.header };
  for (const [name, value] of Object.entries(keys)) if (value !== undefined) headers[name] = value;
  const init: RequestInit = { method: (raw.method ?? operation.method).toUpperCase(), headers };
  if (raw.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(raw.body);
  }
  try {
    await recordingFetch(target, exchange, [])(url, init);
  } catch (err) {
    exchange.error = err instanceof Error ? err : new Error(String(err));
  }
  return exchange;
}

/** A 2xx status: the request was accepted. */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** True when the error is the client refusing to send (our bug or our config), not the network. */
export function isClientRefusal(error: Error | undefined): boolean {
  // FungiesTimeoutError is a FungiesConnectionError: both are the network, not a refusal.
  return error instanceof FungiesError && !(error instanceof FungiesConnectionError);
}
