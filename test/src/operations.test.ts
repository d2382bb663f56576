// Operation lookup by operationId and by method + path template.
import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../contract-tests/validation/response.js';
import { findOperation, findOperationById } from '../../src/operations.js';

describe('operation lookup', () => {
  it('finds an operation by id and by method + path template', () => {
    expect(findOperationById('PatchV0OrdersOrderIdOrNumberCancel')?.path).toBe('/v0/orders/{orderIdOrNumber}/cancel');
    expect(findOperation('patch', '/v0/orders/{orderIdOrNumber}/cancel')?.operationId).toBe('PatchV0OrdersOrderIdOrNumberCancel');
  });

  it('does not mistake inherited object keys for operations', () => {
    expect(findOperationById('toString')).toBeUndefined();
    expect(() => validateResponse('constructor', 200, 'application/json', {})).toThrow('unknown operationId "constructor"');
  });
});
