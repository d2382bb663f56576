/** Checks path parameters against the spec (precompiled validators) before a request leaves, so a bad id never reaches the API. */

import { pathParamValidators } from '../generated/param-validators.js';
import { InvalidParameterError } from './errors.js';
import { idKind, MAX_ID_LENGTH, ORDER_NUMBER_PATTERN } from './ids.js';
import type { OperationMeta, ParameterMeta } from './operation-meta.js';
import { redactExcerpt } from './redact.js';

export function checkPathParams(operation: OperationMeta, values: Record<string, unknown> | undefined): void {
  for (const param of operation.parameters) {
    if (param.in !== 'path') continue;
    const value = values?.[param.name];
    if (value === undefined || value === null || value === '') {
      throw new InvalidParameterError(
        operation.operationId,
        `path.${param.name}`,
        `${operation.operationId}: path parameter "${param.name}" is required: pass params: { path: { ${param.name}: … } }`,
      );
    }
    const unsafe = unsafeSegment(value);
    if (unsafe)
      throw new InvalidParameterError(
        operation.operationId,
        `path.${param.name}`,
        `${operation.operationId}: path parameter "${param.name}" ${unsafe}`,
      );
    // Validators are precompiled per operation and parameter; one the spec did not generate checks nothing.
    const validate = pathParamValidators[operation.operationId]?.[param.name];
    if (validate && !validate(value)) {
      const errors = validate.errors ?? [];
      throw new InvalidParameterError(operation.operationId, `path.${param.name}`, describe(operation, param, value, errors));
    }
  }
}

function describe(operation: OperationMeta, param: ParameterMeta, value: unknown, errors: { keyword: string; message?: string }[]): string {
  // A key pasted as an id by mistake must not end up in the message.
  const shown = JSON.stringify(typeof value === 'string' ? redactExcerpt(value, [], 60) : value);
  const head = `${operation.operationId}: path parameter "${param.name}" is ${shown}`;
  // The spec's "id or number" schema is a oneOf of a UUID and the order-number pattern.
  if (errors.some((e) => e.keyword === 'oneOf') && idKind(value) === undefined) {
    return `${head}, which is neither a UUID nor an order number (e.g. "#ABC123DEF456", pattern ${ORDER_NUMBER_PATTERN})`;
  }
  return `${head}: ${errors.map((e) => e.message ?? e.keyword).join('; ')}`;
}

/**
 * Rules every path id obeys whatever its schema says. `.` and `..` are not percent-encoded, so the
 * URL parser would resolve them and send the request to another operation (`PATCH /v0/update`).
 */
function unsafeSegment(value: unknown): string | undefined {
  if (value === '.' || value === '..')
    return `is ${JSON.stringify(value)}, a dot-segment that would change which operation is called: pass the resource's real id`;
  if (typeof value === 'string' && value.length > MAX_ID_LENGTH) {
    return `is ${value.length} characters long; ids are at most ${MAX_ID_LENGTH} characters: pass the resource's id, not a URL or a document`;
  }
  return undefined;
}
