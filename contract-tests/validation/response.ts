/**
 * Checks one response (status, Content-Type, body) against what the spec documents for its
 * operation: with the validator source's validator for that body when it has one (the bundled
 * spec's precompiled validators), else with the runtime Ajv instance.
 */
import type { ErrorObject } from 'ajv';
import { matchResponse, type ResponseMatch } from '../../src/validation/response-match.js';
import { findSpecOperation } from '../spec/model.js';
import { validatorSource } from './validator-source.js';
import { validateAgainst } from './validators.js';

export { documentedResponse, mediaType } from '../../src/validation/response-match.js';

export interface ResponseValidation extends Omit<ResponseMatch, 'mediaTypeKey'> {
  /** Ajv's errors for the body (empty when it conforms or when there is no schema to check). */
  errors: ErrorObject[];
}

/** How a response's status and Content-Type match what `operationId` documents; throws only for an operationId the spec does not have. */
export function matchSpecResponse(operationId: string, status: number, contentType: string | null | undefined): ResponseMatch {
  const operation = findSpecOperation(operationId);
  if (!operation) throw new Error(`unknown operationId "${operationId}"`);
  return matchResponse(operation, status, contentType);
}

/** Ajv's errors for `body` (parsed JSON; undefined for an empty body) against what `match` found for `operationId`. */
export function bodyErrors(operationId: string, match: ResponseMatch, body: unknown): ErrorObject[] {
  if (match.schema === undefined || body === undefined) return [];
  const validate =
    match.statusKey !== undefined && match.mediaTypeKey !== undefined
      ? validatorSource().responseValidator(operationId, match.statusKey, match.mediaTypeKey)
      : undefined;
  if (!validate) return validateAgainst(match.schema, body);
  if (validate(body)) return [];
  const errors = [...(validate.errors ?? [])] as ErrorObject[];
  // A standalone validator keeps its last errors: a huge invalid body's must not outlive the check.
  validate.errors = null;
  return errors;
}

/**
 * Validates a response for `operationId`. `body` is the parsed JSON (pass undefined for an empty
 * body). Throws only for an operationId the spec does not have.
 */
export function validateResponse(
  operationId: string,
  status: number,
  contentType: string | null | undefined,
  body: unknown,
): ResponseValidation {
  const match = matchSpecResponse(operationId, status, contentType);
  const { mediaTypeKey: _, ...rest } = match;
  return { ...rest, errors: bodyErrors(operationId, match, body) };
}
