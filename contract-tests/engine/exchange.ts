/**
 * Sends one request and records both sides. Positive checks go THROUGH OUR CLIENT, so a request
 * the client builds wrongly is rejected by Prism (it validates requests) and becomes a finding.
 * Negative checks need requests the client refuses to build: they use the client with a sender
 * that strips a key header after the client set it, or go on the wire directly (invalid ids,
 * bodies, keys, methods). Both send through the recording transport (recording-transport.ts): no
 * WHATWG Request or Response is built, each body is read once under the cap and handed to the
 * client as the text in memory. Redirects are never followed: a 3xx is judged as the answer it is.
 */

import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../src/auth.js';
import { clientFor, type FungiesClient } from '../../src/client.js';
import { FungiesConnectionError, FungiesError, ResponseParseError } from '../../src/errors.js';
import { BodyTooLarge, decodeChunks, type Outgoing, type Send } from '../../src/exchange.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { hasObjectPrototype } from '../../src/plain-object.js';
import { maskKey, redact, redactExcerpt } from '../../src/redact.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './capped-body.js';
import { ReceivedHeaders } from './received-headers.js';
import { sendOnWire, type WireRequest, type WireResponse } from './recording-transport.js';
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
  response?: RecordedResponse & { headers: ReceivedHeaders; text: string; bytes?: Uint8Array };
  /** The client refused to send (a finding against the client) or the connection failed. */
  error?: Error;
  /** Milliseconds from sending the request to the end of the response body. */
  elapsedMs?: number;
}

const BODY_EXCERPT = 300;

/** Statuses a Response cannot be built with a body for: the client reads none from them. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

const decoder = new TextDecoder();

/** The request as recorded in reports: header names sorted as WHATWG Headers lists them, keys masked, secrets redacted. */
function recordRequest(request: WireRequest, secrets: (string | undefined)[]): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers).sort()) {
    const value = request.headers[name]!;
    headers[name] = name === PUBLIC_KEY_HEADER || name === SECRET_KEY_HEADER ? maskKey(value) : redact(value, secrets);
  }
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : decoder.decode(request.body);
  return {
    method: request.method,
    url: redact(request.url, secrets),
    headers,
    ...(body !== undefined ? { body: redact(body, secrets) } : {}),
  };
}

/** Sends `request` on the wire and records both sides into `into`; throws what sendOnWire throws. */
async function sendRecorded(target: Target, into: Exchange, request: WireRequest): Promise<{ wire: WireResponse; text: string }> {
  const secrets = targetSecrets(target);
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    const key = name.toLowerCase();
    if (request.headers[key] === undefined) request.headers[key] = value.trim();
  }
  into.request = recordRequest(request, secrets);
  const started = performance.now();
  const wire = await sendOnWire(request, {
    timeoutMs: target.timeoutMs,
    maxBytes: target.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
  // What fetch's Response refused before: a status it cannot carry is an error, not an answer.
  if (wire.status < 200 || wire.status > 599) throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
  into.elapsedMs = performance.now() - started;
  const text = decodeChunks([wire.body], wire.body.byteLength);
  const headers = new ReceivedHeaders(wire.rawHeaders);
  into.response = {
    status: wire.status,
    statusText: wire.statusText,
    contentType: headers.get('content-type'),
    bodyExcerpt: redactExcerpt(text, secrets, BODY_EXCERPT),
    headers,
    text,
    bytes: wire.body,
  };
  return { wire, text };
}

/** What the client asked to send, as a WireRequest: the URL as WHATWG writes it, header names lower-case. */
function wireRequest(outgoing: Outgoing): WireRequest {
  const url = new URL(outgoing.url).href;
  const headers: Record<string, string> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const v = value.trim();
    headers[key] = headers[key] === undefined ? v : `${headers[key]}, ${v}`;
  };
  const given = outgoing.headers;
  // Not `instanceof Headers`: reading that global loads node's fetch, which a run through the client's records never needs.
  if (hasObjectPrototype(given)) for (const [name, value] of Object.entries(given as Record<string, string>)) add(name, value);
  else for (const [name, value] of given as Headers) add(name, value);
  const body = outgoing.body ?? undefined;
  // As a Request does: a text body with no type is sent as text/plain.
  if (typeof body === 'string' && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
  return { method: outgoing.method.toUpperCase(), url, headers, body };
}

/**
 * The header that tells the recording sender which call a request belongs to: one client serves
 * every call to a target, and each call records into its own Exchange. It never goes on the wire.
 */
const CALL_HEADER = 'x-fungies-contract-call';
const calls = new Map<string, { into: Exchange; strip: readonly string[] }>();
let nextCall = 0;

/** What a Response refuses as a reason phrase (fetch's rule): the client used to meet it as an error. */
const INVALID_REASON = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * How the client sends for the suite: each attempt goes on the wire through sendRecorded, which
 * records it into the call's Exchange, and the client reads the body already in memory (no
 * Response or stream is built for it). Its `strip` headers are removed after the client set them.
 */
function recordingSender(target: Target): Send {
  return async (outgoing, deadline) => {
    const request = wireRequest(outgoing);
    const call = calls.get(request.headers[CALL_HEADER] ?? '');
    delete request.headers[CALL_HEADER];
    if (!call) throw new Error('a request the suite did not send through sendThroughClient');
    for (const name of call.strip) delete request.headers[name.toLowerCase()];
    // Raced as the client races a fetch: its own deadline may end the attempt first.
    const { wire, text } = await deadline.race(sendRecorded(target, call.into, request));
    if (INVALID_REASON.test(wire.statusText)) throw new TypeError('Invalid statusText');
    const { headers } = call.into.response!;
    const empty = NULL_BODY.has(wire.status);
    return {
      status: wire.status,
      statusText: wire.statusText,
      get headers() {
        return headers.toHeaders();
      },
      header: (name) => headers.get(name),
      url: outgoing.url,
      // The client's answer is dropped (the exchange is recorded here): it need not be a Response.
      asResponse: false,
      read: (limit, d) => {
        if (empty) return Promise.resolve('');
        // The cap the client applies to the text it reads (its UTF-8 bytes); the wire applied the same one to the raw bytes.
        if (Number(headers.get('content-length')) > limit || (text.length > limit / 3 && Buffer.byteLength(text) > limit))
          return Promise.reject(new BodyTooLarge());
        return d.race(Promise.resolve(text));
      },
      discard: () => undefined,
    };
  };
}

/** One client per target: creating one per request cost more than the request. */
const clients = new WeakMap<Target, FungiesClient>();

function targetClient(target: Target): FungiesClient {
  let client = clients.get(target);
  if (!client) {
    client = clientFor(
      {
        publicKey: target.publicKey,
        secretKey: target.secretKey,
        baseUrl: target.baseUrl,
        // Every response is judged as the server sent it: a retry would hide a 500 or a 429.
        retry: false,
        timeout: target.timeoutMs,
        maxResponseBytes: target.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      },
      'createFungiesClient',
      recordingSender(target),
    );
    clients.set(target, client);
  }
  return client;
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
  const client = targetClient(target);
  const id = String(nextCall++);
  calls.set(id, { into: exchange, strip: options.strip ?? [] });
  const init: Record<string, unknown> = {
    params: { path: planned.path, query: planned.query, header: planned.header },
    headers: { ...options.headers, [CALL_HEADER]: id },
  };
  if (planned.body !== undefined) init['body'] = planned.body;
  try {
    // The operation is chosen at run time, so the typed per-path signature cannot apply here.
    await (client.request as unknown as (m: string, p: string, i: unknown) => Promise<unknown>)(operation.method, operation.path, init);
  } catch (err) {
    // A 2xx that is not JSON: the response is recorded and the checker reports it.
    if (!(err instanceof ResponseParseError)) exchange.error = err instanceof Error ? err : new Error(String(err));
  } finally {
    calls.delete(id);
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
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.header)) headers[name.toLowerCase()] = String(value).trim();
  for (const [name, value] of Object.entries(keys)) if (value !== undefined) headers[name] = value.trim();
  let body: string | undefined;
  if (raw.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(raw.body);
  }
  try {
    await sendRecorded(target, exchange, { method: (raw.method ?? operation.method).toUpperCase(), url: url.href, headers, body });
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
