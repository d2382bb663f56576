/**
 * The `fetch` the client hands openapi-fetch: each attempt under one deadline that covers the
 * headers and the whole body, redirects refused, bodies read once with a size cap, the retry
 * policy applied, the caller's abort final. Every failure leaves as a FungiesError.
 */
import { type BufferedResponse, createBufferedResponse, isBufferedResponse } from './buffered-response.js';
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
import { FungiesRequest } from './request.js';
import { type RetryPolicy, retryDelay, shouldRetry } from './retry.js';

export interface TransportOptions {
  /** A caller's fetch; without one, node:http(s) on keep-alive agents. */
  fetch?: typeof fetch | undefined;
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

/** What one call sends, fixed before the first attempt so retries resend the same thing. */
interface Call extends Outgoing {
  signal: AbortSignal | undefined;
  timeout: number | false;
  retry: RetryPolicy;
  maxResponseBytes: number;
  /** `GET https://api.fungies.io/v0/orders/list`, for messages (the path template when known). */
  where: string;
  /** Method and path only, for log lines. */
  short: string;
}

/** An attempt that got a retryable status: its headers carry Retry-After. */
interface RetryableStatus {
  status: number;
  headers: Headers;
  reason: string;
}

export function createTransport(options: TransportOptions): typeof fetch {
  const { log, sleep = realSleep } = options;
  const send = options.fetch ? fetchSender(options.fetch) : createHttpSender({ maxSockets: options.maxSockets ?? DEFAULTS.maxSockets });
  return async (input) => {
    const call = await describeCall(input as FungiesRequest | Request, options);
    for (let attempt = 1; ; attempt++) {
      const started = log ? performance.now() : 0;
      log?.debug?.(`${call.short} sending (attempt ${attempt})`);
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
          log?.warn?.(`${call.short} failed after ${elapsed(started)} (attempt ${attempt}): ${failure.name}: ${failure.message}`);
          throw failure;
        }
        await wait(call, attempt, undefined, `${call.short} ${failure.name} after ${elapsed(started)} (attempt ${attempt})`, log, sleep);
        continue;
      }
      if (isBufferedResponse(outcome)) {
        const line = `${call.short} ${outcome.status} ${elapsed(started)} (attempt ${attempt})`;
        if (outcome.ok) log?.info?.(line);
        else log?.warn?.(line);
        return outcome;
      }
      await wait(
        call,
        attempt,
        outcome.headers,
        `${call.short} ${outcome.status} ${elapsed(started)} (attempt ${attempt}): ${outcome.reason}`,
        log,
        sleep,
      );
    }
  };
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
        `${call.where}: the server answered with status ${exchange.status}, which is not a final HTTP status`,
      );
    }
    if (exchange.status >= 300 && exchange.status < 400) {
      exchange.discard();
      throw redirectError(call, exchange.status, exchange.headers);
    }
    if (exchange.status >= 400) {
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
    return new FungiesTimeoutError(`Request timed out after ${call.timeout} ms${during}: ${call.where}`, { cause: err });
  }
  if (err instanceof FungiesError) return err;
  if (err instanceof BodyTooLarge) {
    return new ResponseTooLargeError(
      status,
      call.maxResponseBytes,
      `${status} ${call.where}: response body exceeds maxResponseBytes (${call.maxResponseBytes} bytes); the rest was not read. Raise maxResponseBytes if this response is expected`,
    );
  }
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? (err as { code?: string }).code ?? cause?.message ?? (err as Error).message ?? String(err);
  const message =
    phase === 'connect'
      ? `Connection error: ${call.where} could not be reached (${detail})`
      : `Connection error: ${call.where}: the connection broke while reading the response body (${detail})`;
  return new FungiesConnectionError(message, { cause: err });
}

function userAbort(call: Call, cause: unknown): FungiesUserAbortError {
  return new FungiesUserAbortError(`Request aborted by the caller's signal: ${call.where}`, { cause });
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
    `${status} ${call.where}: the server answered with ${to}, which the client does not follow (the keys and the body would go with it); check baseUrl`,
  );
}

async function describeCall(input: FungiesRequest | Request, options: TransportOptions): Promise<Call> {
  const isOurs = input instanceof FungiesRequest && !(input instanceof Request);
  const request = input as FungiesRequest;
  const url = new URL(request.url);
  const path = (isOurs && request.schemaPath) || url.pathname;
  const headers = request.headers;
  const body = await sendableBody(
    isOurs ? request.bodyInit : (input as Request).body ? await (input as Request).arrayBuffer() : null,
    headers,
  );
  return {
    url: request.url,
    method: request.method,
    headers,
    body,
    signal: isOurs ? request.callerSignal : (input as Request).signal,
    timeout: isOurs && request.timeout !== undefined ? normalizeTimeout(request.timeout) : options.timeout,
    retry: isOurs && request.retry !== undefined ? normalizeRetry(request.retry, options.retry) : options.retry,
    maxResponseBytes:
      isOurs && request.maxResponseBytes !== undefined ? normalizeMaxResponseBytes(request.maxResponseBytes) : options.maxResponseBytes,
    where: `${request.method} ${url.origin}${path}`,
    short: `${request.method} ${path}`,
  };
}

/**
 * A string or bytes, read once so every attempt resends the same thing. openapi-fetch's JSON
 * serializer gives a string; FormData, Blob or ArrayBuffer bodies (a custom bodySerializer, a
 * swapped-in Request) are encoded here, keeping the content-type (a multipart boundary) they imply.
 */
async function sendableBody(body: BodyInit | null, headers: Headers): Promise<string | Uint8Array | null> {
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return body;
  const encoded = new Response(body);
  const type = encoded.headers.get('content-type');
  if (type && (!headers.has('content-type') || body instanceof FormData)) headers.set('content-type', type);
  return new Uint8Array(await encoded.arrayBuffer());
}

function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
