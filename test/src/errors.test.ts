// FungiesApiError.from: the error class for each status and the message it writes for each body.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FungiesApiError,
  FungiesConnectionError,
  FungiesError,
  FungiesRequestError,
  FungiesTimeoutError,
  FungiesUserAbortError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnprocessableEntityError,
} from '../../src/index.js';

const request = { operationId: 'GetV0Thing', method: 'GET', path: '/v0/thing' };

describe('FungiesApiError.from', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [418, FungiesApiError],
  ])('maps %i to %o', (status, Class) => {
    const error = FungiesApiError.from(status, undefined, new Headers(), request);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(FungiesRequestError);
    expect(error.constructor).toBe(Class);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
  });

  it.each([
    ['error envelope', { status: 'error', error: { message: 'Nope' } }, '400 GET /v0/thing (GetV0Thing): Nope'],
    ['empty body', undefined, '400 GET /v0/thing (GetV0Thing): 400 status code (no body)'],
    ['empty text', '', '400 GET /v0/thing (GetV0Thing): 400 status code (no body)'],
    ['text body', 'upstream  timed\nout', '400 GET /v0/thing (GetV0Thing): non-JSON body: upstream timed out'],
    ['other JSON', { message: 'x' }, '400 GET /v0/thing (GetV0Thing): {"message":"x"}'],
  ])('message for %s', (_name, body, message) => {
    expect(FungiesApiError.from(400, body, new Headers(), request).message).toBe(message);
  });
});

describe('FungiesRequestError', () => {
  it.each([
    ['FungiesConnectionError', new FungiesConnectionError('x')],
    ['FungiesTimeoutError', new FungiesTimeoutError('x')],
    ['FungiesUserAbortError', new FungiesUserAbortError('x')],
    ['PaginationError', new PaginationError('x')],
  ])('is the parent of %s, whose status is undefined (no answer came)', (_name, error) => {
    expect(error).toBeInstanceOf(FungiesRequestError);
    expect(error).toBeInstanceOf(FungiesError);
    expect(error.status).toBeUndefined();
  });
});
