/** The public API of fungies-openapi. Everything importable is listed here by name. */
export { createFungiesClient } from './client.js';
export type { FungiesClient, FungiesRequestOptions } from './client-types.js';
export { DEFAULTS } from './options.js';
export type { FungiesClientOptions } from './options.js';
export type { FungiesLogger, LogLevel } from './logger.js';
export { VERSION } from './version.js';
export type { RetryPolicy } from './retry.js';
export { unwrap } from './unwrap.js';
export { paginate } from './paginate.js';
export type { PaginatedPath, PageItem, PaginateOptions } from './paginate.js';
export type { SuccessData } from './unwrap.js';
export { isUuid, isOrderNumber, idKind, ORDER_NUMBER_PATTERN } from './ids.js';
export type { IdKind } from './ids.js';
export {
  FungiesError,
  FungiesConfigError,
  InvalidParameterError,
  FungiesConnectionError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  FungiesRedirectError,
  ResponseTooLargeError,
  ResponseParseError,
  ResponseValidationError,
  FungiesApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
} from './errors.js';
export { listOperations, findOperation } from './operations.js';
export type { OperationMeta, ParameterMeta, ResponseMeta, MediaMeta, HttpMethod } from './operation-meta.js';
export { operations } from '../generated/operations.js';
export type { OperationId } from '../generated/operations.js';
export type { paths, components, operations as OperationTypes } from '../generated/api.js';
