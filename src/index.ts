/** The public API of fungies-openapi. Everything importable is listed here by name. */
export { createFungies } from './fungies.js';
export type { Fungies } from './fungies.js';
export type { FungiesResources } from '../generated/resources.js';
export { ApiPromise, ListPromise } from './resources/api-promise.js';
export type { WithResponse } from './resources/api-promise.js';
export type { RequestOptions } from './resources/request-options.js';
export { createFungiesClient } from './client.js';
export type { FungiesClient } from './client.js';
export type { ExactClient } from './exact.js';
// The named types (Order, OrdersListQuery, DiscountsCreateBody…) are one generated alias per
// resource object and per operation part, named by the rule in scripts/lib/generate-resources.ts;
// generated/types.ts is their explicit list, and holds types only.
export type * from '../generated/types.js';
export { DEFAULTS } from './options.js';
export type { FungiesClientOptions } from './options.js';
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
