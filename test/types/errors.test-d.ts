// Errors as openai-node types them: `status` narrowed per subclass, one parent for every way a call can fail once its input was accepted.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FungiesApiError,
  FungiesConnectionError,
  FungiesError,
  FungiesRedirectError,
  FungiesRequestError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  ServerError,
  UnprocessableEntityError,
} from '../../src/index.js';

describe('error types', () => {
  it('narrow status per subclass', () => {
    expectTypeOf<BadRequestError['status']>().toEqualTypeOf<400>();
    expectTypeOf<AuthenticationError['status']>().toEqualTypeOf<401>();
    expectTypeOf<PermissionDeniedError['status']>().toEqualTypeOf<403>();
    expectTypeOf<NotFoundError['status']>().toEqualTypeOf<404>();
    expectTypeOf<ConflictError['status']>().toEqualTypeOf<409>();
    expectTypeOf<UnprocessableEntityError['status']>().toEqualTypeOf<422>();
    expectTypeOf<RateLimitError['status']>().toEqualTypeOf<429>();
    expectTypeOf<ServerError['status']>().toEqualTypeOf<number>();
    expectTypeOf<FungiesApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<FungiesConnectionError['status']>().toEqualTypeOf<undefined>();
    expectTypeOf<FungiesTimeoutError['status']>().toEqualTypeOf<undefined>();
    expectTypeOf<FungiesUserAbortError['status']>().toEqualTypeOf<undefined>();
  });

  it('share one parent for every way a call can fail after its input was accepted', () => {
    expectTypeOf<FungiesApiError>().toExtend<FungiesRequestError>();
    expectTypeOf<FungiesConnectionError>().toExtend<FungiesRequestError>();
    expectTypeOf<FungiesUserAbortError>().toExtend<FungiesRequestError>();
    expectTypeOf<FungiesRedirectError>().toExtend<FungiesRequestError>();
    expectTypeOf<ResponseTooLargeError>().toExtend<FungiesRequestError>();
    expectTypeOf<ResponseParseError>().toExtend<FungiesRequestError>();
    expectTypeOf<ResponseValidationError>().toExtend<FungiesRequestError>();
    expectTypeOf<PaginationError>().toExtend<FungiesRequestError>();
    expectTypeOf<FungiesRequestError>().toExtend<FungiesError>();
    expectTypeOf<FungiesRequestError['status']>().toEqualTypeOf<number | undefined>();
  });
});
