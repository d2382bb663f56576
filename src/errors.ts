/**
 * Every error this package throws. One root (`FungiesError`); HTTP failures are `FungiesApiError`
 * subclasses made only by `FungiesApiError.from()`; failures before or around the HTTP exchange
 * (configuration, bad parameters, network, unreadable bodies) have their own classes.
 */
import type { ErrorObject } from 'ajv';
import { redactExcerpt } from './redact.js';
import { requestIdOf } from './request-id.js';

// Each class sets its own `name` (what a log line or stack shows) and declares its own fields, so
// the class bodies below share a shape by design.
export class FungiesError extends Error {
  override name = 'FungiesError';
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
export class PaginationError extends FungiesError {
  override name = 'PaginationError';
}

/** The server could not be reached, or the connection broke. */
export class FungiesConnectionError extends FungiesError {
  override name = 'FungiesConnectionError';
}

/** The response (headers and body) did not arrive within the configured timeout. */
export class FungiesTimeoutError extends FungiesConnectionError {
  override name = 'FungiesTimeoutError';
}

/** The caller's `signal` aborted the call (or timed out). Never retried. */
export class FungiesUserAbortError extends FungiesError {
  override name = 'FungiesUserAbortError';
}

/**
 * The server answered with a redirect (3xx). The client never follows one: a redirect to another
 * origin would carry the API keys and the body there, and a write could be sent again.
 */
export class FungiesRedirectError extends FungiesError {
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
export class ResponseTooLargeError extends FungiesError {
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
export class ResponseParseError extends FungiesError {
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
export class ResponseValidationError extends FungiesError {
  override name = 'ResponseValidationError';
  constructor(
    readonly operationId: string,
    readonly status: number,
    /** Ajv's errors, unchanged. */
    readonly errors: readonly ErrorObject[],
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
export class FungiesApiError extends FungiesError {
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
}
export class AuthenticationError extends FungiesApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends FungiesApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends FungiesApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends FungiesApiError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends FungiesApiError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends FungiesApiError {
  override name = 'RateLimitError';
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
