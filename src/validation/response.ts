/**
 * Checks one response (status, Content-Type, body) against what the spec documents for its
 * operation. The contract suite uses it; the client's optional runtime validation will too.
 */
import type { ErrorObject } from 'ajv';
import type { OperationMeta, ResponseMeta } from '../operation-meta.js';
import { findOperationById } from '../operations.js';
import { validateAgainst } from './validators.js';

export interface ResponseValidation {
  /** The documented response key that matched (`200`, `4XX`, `default`), or undefined when the status is not documented. */
  statusKey: string | undefined;
  /** Every status key the operation documents, in spec order. */
  documentedStatuses: string[];
  /** Media types the matched response declares; empty when it declares no body. */
  expectedContentTypes: string[];
  /** False when the response declares content types and `contentType` is none of them. */
  contentTypeOk: boolean;
  /** The schema the body was checked against, when there is one. */
  schema: unknown;
  /** Ajv's errors for the body (empty when it conforms or when there is no schema to check). */
  errors: ErrorObject[];
}

/** The documented response for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedResponse(operation: OperationMeta, status: number): { key: string; response: ResponseMeta } | undefined {
  const responses = operation.responses;
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = responses[key];
    if (response) return { key, response };
  }
  return undefined;
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Validates a response for `operationId`. `body` is the parsed JSON (pass undefined for an empty
 * body). Throws only for an operationId the spec does not have.
 */
export function validateResponse(operationId: string, status: number, contentType: string | null | undefined, body: unknown): ResponseValidation {
  const operation = findOperationById(operationId);
  if (!operation) throw new Error(`unknown operationId "${operationId}"`);
  const documentedStatuses = Object.keys(operation.responses);
  const match = documentedResponse(operation, status);
  if (!match) return { statusKey: undefined, documentedStatuses, expectedContentTypes: [], contentTypeOk: true, schema: undefined, errors: [] };
  const expectedContentTypes = Object.keys(match.response.content);
  const actual = mediaType(contentType);
  const chosen = expectedContentTypes.find((t) => mediaType(t) === actual) ?? expectedContentTypes[0];
  const contentTypeOk = expectedContentTypes.length === 0 || expectedContentTypes.some((t) => mediaType(t) === actual);
  const schema = chosen === undefined ? undefined : match.response.content[chosen]?.schema;
  const errors = schema === undefined || body === undefined ? [] : validateAgainst(schema, body);
  return { statusKey: match.key, documentedStatuses, expectedContentTypes, contentTypeOk, schema, errors };
}
