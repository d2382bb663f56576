/** The public API of fungies-openapi. Everything importable is listed here by name. */

export type { components, operations as OperationTypes, paths } from '../generated/api.js';
export type { OperationId } from '../generated/operations.js';
export { operations } from '../generated/operations.js';
export type { FungiesResources } from '../generated/resources.js';
// The named types (Order, OrdersListQuery, DiscountsCreateBody…) are one generated alias per
// resource object and per operation part, named by the rule in scripts/lib/generate-resources.ts;
// generated/types.ts is their explicit list, and holds types only.
export type * from '../generated/types.js';
export { createFungiesClient } from './client.js';
export type { FungiesClient } from './client-types.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FungiesApiError,
  FungiesConfigError,
  FungiesConnectionError,
  FungiesError,
  FungiesRedirectError,
  FungiesRequestError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  InvalidParameterError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServerError,
  UnprocessableEntityError,
} from './errors.js';
export type { Fungies } from './fungies.js';
export { createFungies } from './fungies.js';
export type { IdKind } from './ids.js';
export { idKind, isOrderNumber, isUuid, MAX_ID_LENGTH, ORDER_NUMBER_PATTERN } from './ids.js';
export type { FungiesLogger, LogLevel } from './logger.js';
export type { HttpMethod, MediaMeta, OperationMeta, ParameterMeta, ResponseMeta } from './operation-meta.js';
export { findOperation, listOperations } from './operations.js';
export type { FungiesClientOptions } from './options.js';
export { DEFAULTS } from './options.js';
export type { Page, PageItem, PaginatedPath, PaginateOptions, Paginator } from './paginate.js';
export { paginate, paginatedPaths } from './paginate.js';
export type { RequestOptions } from './request-options.js';
export type { WithResponse } from './resources/api-promise.js';
export { ApiPromise, type ListLimits, ListPromise } from './resources/api-promise.js';
export type { RetryPolicy } from './retry.js';
export type { SuccessData } from './unwrap.js';
export { unwrap } from './unwrap.js';
export { VERSION } from './version.js';
export type { WebhookPayloadFailure, WebhookSignatureFailure } from './webhooks/errors.js';
export { WebhookPayloadError, WebhookSignatureError, WebhookValidationError } from './webhooks/errors.js';
export type { WebhookEvent, WebhookEventMap, WebhookEventOf, WebhookEventType } from './webhooks/events.js';
export { isWebhookEventType, WEBHOOK_EVENT_TYPES } from './webhooks/events.js';
export type { SignatureHeader } from './webhooks/signature.js';
export { signWebhook, WEBHOOK_SIGNATURE_HEADER } from './webhooks/signature.js';
export type { VerifyWebhookOptions } from './webhooks/verify.js';
export { verifyWebhook } from './webhooks/verify.js';
