/** Checks path parameters against the spec (precompiled validators) before a request leaves, so a bad id never reaches the API. */
import { InvalidParameterError } from './errors.js';
import { idKind, ORDER_NUMBER_PATTERN } from './ids.js';
import type { OperationMeta, ParameterMeta } from './operation-meta.js';
import { excerpt } from './redact.js';
import { pathParamValidators } from '../generated/param-validators.js';

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
    // Validators are precompiled per operation and parameter; one the spec did not generate checks nothing.
    const validate = pathParamValidators[operation.operationId]?.[param.name];
    if (validate && !validate(value)) {
      const errors = validate.errors ?? [];
      throw new InvalidParameterError(operation.operationId, `path.${param.name}`, describe(operation, param, value, errors));
    }
  }
}

function describe(operation: OperationMeta, param: ParameterMeta, value: unknown, errors: { keyword: string; message?: string }[]): string {
  const shown = JSON.stringify(typeof value === 'string' ? excerpt(value, 60) : value);
  const head = `${operation.operationId}: path parameter "${param.name}" is ${shown}`;
  // The spec's "id or number" schema is a oneOf of a UUID and the order-number pattern.
  if (errors.some((e) => e.keyword === 'oneOf') && idKind(value) === undefined) {
    return `${head}, which is neither a UUID nor an order number (e.g. "#ABC123DEF456", pattern ${ORDER_NUMBER_PATTERN})`;
  }
  return `${head}: ${errors.map((e) => e.message ?? e.keyword).join('; ')}`;
}
