/**
 * Checks one response (status, Content-Type, body) against what the spec documents for its
 * operation, with the runtime Ajv instance. The contract suite uses it; the client uses the
 * precompiled validators instead (src/response-validation.ts).
 */
import type { ErrorObject } from 'ajv';
import { matchResponse, type ResponseMatch } from '../../src/validation/response-match.js';
import { findSpecOperation } from '../spec/model.js';
import { validateAgainst } from './validators.js';

export { documentedResponse, mediaType } from '../../src/validation/response-match.js';

export interface ResponseValidation extends Omit<ResponseMatch, 'mediaTypeKey'> {
  /** Ajv's errors for the body (empty when it conforms or when there is no schema to check). */
  errors: ErrorObject[];
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
  const operation = findSpecOperation(operationId);
  if (!operation) throw new Error(`unknown operationId "${operationId}"`);
  const { mediaTypeKey: _chosen, ...match } = matchResponse(operation, status, contentType);
  const errors = match.schema === undefined || body === undefined ? [] : validateAgainst(match.schema, body);
  return { ...match, errors };
}
