/** The public API of fungies-openapi. Everything importable is listed here by name. */
export { createFungies } from './fungies.js';
export type { Fungies } from './fungies.js';
export type { FungiesResources } from '../generated/resources.js';
export { ApiPromise, ListPromise } from './resources/api-promise.js';
export type { WithResponse } from './resources/api-promise.js';
export type { RequestOptions } from './request-options.js';
export { createFungiesClient } from './client.js';
export type { FungiesClient } from './client-types.js';
// The named types (Order, OrdersListQuery, DiscountsCreateBody…) are one generated alias per
// resource object and per operation part, named by the rule in scripts/lib/generate-resources.ts;
// generated/types.ts is their explicit list, and holds types only.
export type * from '../generated/types.js';
export { DEFAULTS } from './options.js';
export type { FungiesClientOptions } from './options.js';
export type { FungiesLogger, LogLevel } from './logger.js';
export { VERSION } from './version.js';
export type { RetryPolicy } from './retry.js';
export { unwrap } from './unwrap.js';
export { paginate, paginatedPaths } from './paginate.js';
export type { PaginatedPath, PageItem, PaginateOptions, Page, Paginator } from './paginate.js';
export type { SuccessData } from './unwrap.js';
export { isUuid, isOrderNumber, idKind, MAX_ID_LENGTH, ORDER_NUMBER_PATTERN } from './ids.js';
export type { IdKind } from './ids.js';
export {
  FungiesError,
  FungiesConfigError,
  InvalidParameterError,
  PaginationError,
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
export { verifyWebhook } from './webhooks/verify.js';
export type { VerifyWebhookOptions } from './webhooks/verify.js';
export { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhooks/signature.js';
export type { SignatureHeader } from './webhooks/signature.js';
export { isWebhookEventType, WEBHOOK_EVENT_TYPES } from './webhooks/events.js';
export type { WebhookEvent, WebhookEventOf, WebhookEventMap, WebhookEventType } from './webhooks/events.js';
export { WebhookSignatureError, WebhookPayloadError, WebhookValidationError } from './webhooks/errors.js';
export type { WebhookSignatureFailure, WebhookPayloadFailure } from './webhooks/errors.js';
