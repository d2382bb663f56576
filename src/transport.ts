/**
 * How a call is sent: each attempt under one deadline that covers the wait for a connection, the
 * headers and the whole body, redirects refused, bodies read once with a size cap, the retry
 * policy applied, the caller's abort final. Every failure leaves as a FungiesError. `send` takes
 * a call the client described itself; `fetch` is the same for openapi-fetch's Requests (when a
 * caller's middleware or an openapi-fetch option needs them), their options read from the side table.
 */
import { type BufferedResponse, createBufferedResponse, isBufferedResponse } from './buffered-response.js';
import { callOptionsOf } from './call-options.js';
import { AttemptDeadline, sleep as realSleep } from './deadline.js';
import {
  FungiesConnectionError,
  FungiesError,
  FungiesRedirectError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  ResponseTooLargeError,
} from './errors.js';
import { BodyTooLarge, type Outgoing, type Send } from './exchange.js';
import { fetchSender } from './fetch-send.js';
import { createHttpSender } from './http-send.js';
import type { RequestLog } from './logger.js';
import { DEFAULTS, normalizeMaxResponseBytes, normalizeRetry, normalizeTimeout } from './options.js';
import { type RetryPolicy, retryDelay, shouldRetry } from './retry.js';

export interface TransportOptions {
  /** A caller's fetch; without one, node:http(s) on keep-alive agents. */
  fetch?: typeof fetch | undefined;
  /** Sends each attempt in place of fetch or node:http (the contract kit's recording transport, which has the body in memory). */
  send?: Send | undefined;
  /** Per attempt, covering headers and body, in milliseconds; false for none. */
  timeout: number | false;
  retry: RetryPolicy;
  maxResponseBytes: number;
  /** Connections per origin of the default sender; DEFAULTS.maxSockets when left out. */
  maxSockets?: number | undefined;
  log?: RequestLog | undefined;
  /** Injected by tests so they never wait for real; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A call as the client describes it: what to send and the call's own options, not yet checked. */
export interface CallInput {
  url: string;
  method: string;
  headers: Headers | Record<string, string>;
  body: string | Uint8Array | null;
  /** The spec's path template, for messages and log lines. */
  path: string;
  signal?: AbortSignal | undefined;
  timeout?: unknown;
  retry?: unknown;
  maxResponseBytes?: unknown;
}

export interface Transport {
  send(input: CallInput): Promise<BufferedResponse>;
  fetch: typeof fetch;
}

/** What one call sends, fixed before the first attempt so retries resend the same thing. */
interface Call extends Outgoing {
  signal: AbortSignal | undefined;
  timeout: number | false;
  retry: RetryPolicy;
  maxResponseBytes: number;
  /** The spec's path template (or the URL's path), for messages and log lines. */
  path: string;
}

/** `GET https://api.fungies.io/v0/orders/{orderIdOrNumber}`, for messages: built only when one is. */
function where(call: Call): string {
  return `${call.method} ${originOf(call.url)}${call.path}`;
}

/** An attempt that got a retryable status: its headers carry Retry-After. */
interface RetryableStatus {
  status: number;
  headers: Headers;
  reason: string;
}

export function createTransport(options: TransportOptions): Transport {
  const { log, sleep = realSleep } = options;
  const sender =
    options.send ??
    (options.fetch ? fetchSender(options.fetch) : createHttpSender({ maxSockets: options.maxSockets ?? DEFAULTS.maxSockets }));
  const send = (input: CallInput): Promise<BufferedResponse> => {
    let call: Call;
    try {
      call = describeCall(input, options);
    } catch (err) {
      return Promise.reject(err);
    }
    return sendCall(call, sender, log, sleep);
  };
  return {
    send,
    fetch: async (input) => send(await fromRequest(input as Request)),
  };
}

async function sendCall(
  call: Call,
  send: Send,
  log: RequestLog | undefined,
  sleep: NonNullable<TransportOptions['sleep']>,
): Promise<BufferedResponse> {
  // Method and path only, for log lines; built only when there is a log.
  const short = log ? `${call.method} ${call.path}` : '';
  for (let attempt = 1; ; attempt++) {
    const started = log ? performance.now() : 0;
    log?.debug?.(`${short} sending (attempt ${attempt})`);
    let outcome: BufferedResponse | RetryableStatus;
    try {
      outcome = await attemptOnce(send, call, attempt);
    } catch (err) {
      const failure = err as FungiesError;
      // Only a broken or timed-out exchange may be tried again; an abort, a redirect or a cap is final.
      const decision =
        failure instanceof FungiesConnectionError
          ? shouldRetry({ method: call.method, status: undefined, attempt, policy: call.retry })
          : { retry: false, reason: failure.name };
      if (!decision.retry) {
        log?.warn?.(`${short} failed after ${elapsed(started)} (attempt ${attempt}): ${failure.name}: ${failure.message}`);
        throw failure;
      }
      await wait(call, attempt, undefined, `${short} ${failure.name} after ${elapsed(started)} (attempt ${attempt})`, log, sleep);
      continue;
    }
    if (isBufferedResponse(outcome)) {
      if (log) {
        const line = `${short} ${outcome.status} ${elapsed(started)} (attempt ${attempt})`;
        if (outcome.ok) log.info?.(line);
        else log.warn?.(line);
      }
      return outcome;
    }
    await wait(
      call,
      attempt,
      outcome.headers,
      `${short} ${outcome.status} ${elapsed(started)} (attempt ${attempt}): ${outcome.reason}`,
      log,
      sleep,
    );
  }
}

async function wait(
  call: Call,
  attempt: number,
  headers: Headers | undefined,
  line: string,
  log: RequestLog | undefined,
  sleep: NonNullable<TransportOptions['sleep']>,
): Promise<void> {
  const delay = retryDelay(attempt, headers);
  log?.warn?.(`${line}; retry ${attempt}/${call.retry.limit} in ${delay} ms`);
  try {
    await sleep(delay, call.signal);
  } catch (err) {
    throw userAbort(call, err);
  }
}

async function attemptOnce(send: Send, call: Call, attempt: number): Promise<BufferedResponse | RetryableStatus> {
  if (call.signal?.aborted) throw userAbort(call, call.signal.reason);
  const deadline = new AttemptDeadline(call.timeout, call.signal);
  let phase: 'connect' | 'body' = 'connect';
  let status = 0;
  try {
    const exchange = await send(call, deadline);
    if (exchange.status < 200 || exchange.status > 599) {
      exchange.discard();
      throw new FungiesConnectionError(
        `${where(call)}: the server answered with status ${exchange.status}, which is not a final HTTP status`,
      );
    }
    if (exchange.status >= 300 && exchange.status < 400) {
      exchange.discard();
      throw redirectError(call, exchange.status, exchange.headers);
    }
    // With no retry left the answer is final whatever its headers say: they are not read (a sender may build them on demand).
    if (exchange.status >= 400 && attempt <= call.retry.limit) {
      const decision = shouldRetry({
        method: call.method,
        status: exchange.status,
        headers: exchange.headers,
        attempt,
        policy: call.retry,
      });
      if (decision.retry) {
        // Free the connection of a response we are not going to read.
        exchange.discard();
        return { status: exchange.status, headers: exchange.headers, reason: decision.reason };
      }
    }
    phase = 'body';
    status = exchange.status;
    const text = await exchange.read(call.maxResponseBytes, deadline);
    return createBufferedResponse(text, exchange, deadline.endsAt);
  } catch (err) {
    throw classify(err, call, deadline, phase, status);
  } finally {
    deadline.done();
  }
}

function classify(err: unknown, call: Call, deadline: AttemptDeadline, phase: 'connect' | 'body', status: number): FungiesError {
  if (deadline.stopped === 'caller') return userAbort(call, err);
  if (deadline.stopped === 'timeout') {
    const during =
      phase === 'body'
        ? ' while reading the response body'
        : deadline.queued
          ? ' waiting for a free connection (every one of maxSockets to this origin was busy)'
          : '';
    return new FungiesTimeoutError(`Request timed out after ${call.timeout} ms${during}: ${where(call)}`, { cause: err });
  }
  if (err instanceof FungiesError) return err;
  if (err instanceof BodyTooLarge) {
    return new ResponseTooLargeError(
      status,
      call.maxResponseBytes,
      `${status} ${where(call)}: response body exceeds maxResponseBytes (${call.maxResponseBytes} bytes); the rest was not read. Raise maxResponseBytes if this response is expected`,
    );
  }
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? (err as { code?: string }).code ?? cause?.message ?? (err as Error).message ?? String(err);
  const message =
    phase === 'connect'
      ? `Connection error: ${where(call)} could not be reached (${detail})`
      : `Connection error: ${where(call)}: the connection broke while reading the response body (${detail})`;
  return new FungiesConnectionError(message, { cause: err });
}

function userAbort(call: Call, cause: unknown): FungiesUserAbortError {
  return new FungiesUserAbortError(`Request aborted by the caller's signal: ${where(call)}`, { cause });
}

function redirectError(call: Call, status: number, headers: Headers): FungiesRedirectError {
  const location = headers.get('location');
  let origin: string | undefined;
  try {
    origin = location ? new URL(location, call.url).origin : undefined;
  } catch {
    origin = undefined;
  }
  const to = origin ? `a redirect to ${origin}` : 'a redirect';
  return new FungiesRedirectError(
    status,
    origin,
    `${status} ${where(call)}: the server answered with ${to}, which the client does not follow (the keys and the body would go with it); check baseUrl`,
  );
}

function describeCall(input: CallInput, options: TransportOptions): Call {
  return {
    url: input.url,
    method: input.method,
    headers: input.headers,
    body: input.body,
    signal: input.signal,
    timeout: input.timeout !== undefined ? normalizeTimeout(input.timeout) : options.timeout,
    retry: input.retry !== undefined ? normalizeRetry(input.retry, options.retry) : options.retry,
    maxResponseBytes: input.maxResponseBytes !== undefined ? normalizeMaxResponseBytes(input.maxResponseBytes) : options.maxResponseBytes,
    path: input.path,
  };
}

/** `https://api.fungies.io` of `https://api.fungies.io/v0/...`, without parsing the URL. */
function originOf(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? url : url.slice(0, slash);
}

/** A Request from openapi-fetch (possibly swapped by a caller's middleware) and the options the client put beside it. */
async function fromRequest(request: Request): Promise<CallInput> {
  const options = callOptionsOf(request);
  // Read once, as bytes, so every attempt resends the same thing; a multipart body keeps the
  // content-type (with its boundary) the Request computed.
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
  return {
    url: request.url,
    method: request.method,
    headers: new Headers(request.headers),
    body,
    path: options?.schemaPath ?? new URL(request.url).pathname,
    // The caller's own signal: the Request's is derived from it, and undici may collect a derived one mid-request.
    signal: options ? options.signal : request.signal,
    timeout: options?.timeout,
    retry: options?.retry,
    maxResponseBytes: options?.maxResponseBytes,
  };
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
