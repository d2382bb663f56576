/**
 * Every error this package throws. One root (`FungiesError`). Input the client refuses before
 * sending (`FungiesConfigError`, `InvalidParameterError`) derives from it directly; every other
 * way a call can fail derives from `FungiesRequestError`, with a `status` typed per class as
 * openai-node types its errors: a number for an answer the server gave, `400` on
 * `BadRequestError`, undefined where no answer came (connection, timeout, abort). HTTP failures
 * are `FungiesApiError` subclasses made only by `FungiesApiError.from()`.
 */

import { redactExcerpt } from './redact.js';
import { requestIdOf } from './request-id.js';
import type { ValidationIssue } from './validation/issue.js';

// Each class sets its own `name` (what a log line or stack shows) and declares its own fields, so
// the class bodies below share a shape by design.
export class FungiesError extends Error {
  override name = 'FungiesError';
}

/**
 * A call that was sent (or was about to be) failed: the server's answer, the connection, the
 * caller's abort, or a list that cannot be walked. One `instanceof` catches every one of them.
 */
export abstract class FungiesRequestError<TStatus extends number | undefined = number | undefined> extends FungiesError {
  /** The HTTP status of the answer the failure came with, or undefined when there was none. */
  abstract readonly status: TStatus;
}

/** The client was configured wrongly (a missing or malformed key, a bad option). Nothing was sent. */
export class FungiesConfigError extends FungiesError {
  override name = 'FungiesConfigError';
  constructor(
    /** The option at fault, e.g. `secretKey`. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** A request parameter fails the spec's schema (e.g. an id that is neither a UUID nor an order number). Nothing was sent. */
export class InvalidParameterError extends FungiesError {
  override name = 'InvalidParameterError';
  constructor(
    readonly operationId: string,
    /** Where the parameter goes and its name, e.g. `path.orderIdOrNumber`. */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `paginate()` could not walk a list to its end: the operation does not page, a page lacks its
 * list, or the server's paging does not advance (a repeated cursor or page, more pages than `maxPages`).
 */
export class PaginationError extends FungiesRequestError<undefined> {
  override name = 'PaginationError';
  readonly status = undefined;
}

/** The server could not be reached, or the connection broke. */
export class FungiesConnectionError extends FungiesRequestError<undefined> {
  override name = 'FungiesConnectionError';
  readonly status = undefined;
}

/** The response (headers and body) did not arrive within the configured timeout. */
export class FungiesTimeoutError extends FungiesConnectionError {
  override name = 'FungiesTimeoutError';
}

/** The caller's `signal` aborted the call (or timed out). Never retried. */
export class FungiesUserAbortError extends FungiesRequestError<undefined> {
  override name = 'FungiesUserAbortError';
  readonly status = undefined;
}

/**
 * The server answered with a redirect (3xx). The client never follows one: a redirect to another
 * origin would carry the API keys and the body there, and a write could be sent again.
 */
export class FungiesRedirectError extends FungiesRequestError<number> {
  override name = 'FungiesRedirectError';
  constructor(
    readonly status: number,
    /** The origin of the `Location` header (never its path or query), or undefined when absent. */
    readonly location: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A response body grew past the client's `maxResponseBytes` (counted after decompression); the rest was not read. */
export class ResponseTooLargeError extends FungiesRequestError<number> {
  override name = 'ResponseTooLargeError';
  constructor(
    readonly status: number,
    readonly limit: number,
    message: string,
  ) {
    super(message);
  }
}

/** A 2xx response whose body is not the JSON the spec promises (e.g. a proxy's HTML page). */
export class ResponseParseError extends FungiesRequestError<number> {
  override name = 'ResponseParseError';
  constructor(
    readonly operationId: string | undefined,
    readonly status: number,
    /** The start of the body, keys removed. */
    readonly bodyExcerpt: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A 2xx response whose body breaks the spec's schema (client option `validateResponses`). Not an
 * `FungiesApiError`: the request succeeded, the data is what is wrong, and it is never retried.
 */
export class ResponseValidationError extends FungiesRequestError<number> {
  override name = 'ResponseValidationError';
  constructor(
    readonly operationId: string,
    readonly status: number,
    /** Ajv's errors, unchanged. */
    readonly errors: readonly ValidationIssue[],
    message: string,
  ) {
    super(message);
  }
}

/** Where a request went, for error messages: never includes headers or keys. */
export interface RequestInfo {
  operationId?: string;
  method: string;
  /** The spec's path template, e.g. `/v0/orders/{orderIdOrNumber}/cancel`. */
  path: string;
}

/** The API answered with a non-2xx status. */
export class FungiesApiError extends FungiesRequestError<number> {
  override name = 'FungiesApiError';
  readonly operationId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(
    readonly status: number,
    /** The API's own `error.message`, when the body is the documented error envelope. */
    readonly apiMessage: string | undefined,
    /** The parsed JSON body, or the (redacted, shortened) text of a non-JSON body. */
    readonly body: unknown,
    readonly headers: Headers,
    request: RequestInfo,
    message: string,
  ) {
    super(message);
    this.operationId = request.operationId;
    this.method = request.method;
    this.path = request.path;
  }

  /** The `x-request-id` (or `request-id`) response header, when the server sends one (quote it to support). */
  get requestId(): string | undefined {
    return requestIdOf(this.headers);
  }

  /** The one place that maps a status to its subclass. `body` must already be redacted. */
  static from(status: number, body: unknown, headers: Headers, request: RequestInfo): FungiesApiError {
    const apiMessage = envelopeMessage(body);
    const detail =
      (apiMessage === undefined ? undefined : redactExcerpt(apiMessage, [], 1000)) ??
      (body === undefined || body === ''
        ? `${status} status code (no body)`
        : typeof body === 'string'
          ? `non-JSON body: ${redactExcerpt(body)}`
          : redactExcerpt(printable(body)));
    const where = `${request.method} ${request.path}${request.operationId ? ` (${request.operationId})` : ''}`;
    const message = `${status} ${where}: ${detail}`;
    const Class = classForStatus(status);
    return new Class(status, apiMessage, body, headers, request, message);
  }
}

// One class per status, so a caller can catch by `instanceof`; only the names differ, by design.
export class BadRequestError extends FungiesApiError {
  override name = 'BadRequestError';
  declare readonly status: 400;
}
export class AuthenticationError extends FungiesApiError {
  override name = 'AuthenticationError';
  declare readonly status: 401;
}
export class PermissionDeniedError extends FungiesApiError {
  override name = 'PermissionDeniedError';
  declare readonly status: 403;
}
export class NotFoundError extends FungiesApiError {
  override name = 'NotFoundError';
  declare readonly status: 404;
}
export class ConflictError extends FungiesApiError {
  override name = 'ConflictError';
  declare readonly status: 409;
}
export class UnprocessableEntityError extends FungiesApiError {
  override name = 'UnprocessableEntityError';
  declare readonly status: 422;
}
export class RateLimitError extends FungiesApiError {
  override name = 'RateLimitError';
  declare readonly status: 429;
}
export class ServerError extends FungiesApiError {
  override name = 'ServerError';
}

const STATUS_CLASSES: Record<number, typeof FungiesApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function classForStatus(status: number): typeof FungiesApiError {
  return STATUS_CLASSES[status] ?? (status >= 500 ? ServerError : FungiesApiError);
}

/** `error.message` of the documented `{status:"error", error:{message}}` envelope. */
function envelopeMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return undefined;
}

/** JSON for a message; a body nested too deeply for JSON.stringify must not turn into a RangeError. */
function printable(body: unknown): string {
  try {
    return JSON.stringify(body) ?? String(body);
  } catch {
    return '[body nested too deeply to show]';
  }
}
