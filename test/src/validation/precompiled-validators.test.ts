/** The validators precompiled into generated/ cover the spec and report what the runtime Ajv instance reports. */
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { operations } from '../../../generated/operations.js';
import { pathParamValidators } from '../../../generated/param-validators.js';
import { responseValidatorLoaders } from '../../../generated/response-validators.js';
import type { OperationMeta } from '../../../src/operation-meta.js';
import { cancelledOrder } from '../../helpers.js';

const all = Object.values(operations) as OperationMeta[];

describe('precompiled validators', () => {
  // Imports every operation's generated validator module: seconds on a loaded machine, not a 5 s default.
  it('exist for every documented successful response body and every path parameter', { timeout: 60_000 }, async () => {
    for (const op of all) {
      const validators = (await responseValidatorLoaders[op.operationId]?.())?.validators;
      for (const [status, response] of Object.entries(op.responses).filter(([key]) => key.startsWith('2') || key === 'default')) {
        for (const [type, media] of Object.entries(response.content)) {
          if (media.schema !== undefined)
            expect(validators?.[status]?.[type], `${op.operationId} ${status} ${type}`).toBeTypeOf('function');
        }
      }
      for (const param of op.parameters.filter((p) => p.in === 'path')) {
        expect(pathParamValidators[op.operationId]?.[param.name], `${op.operationId} ${param.name}`).toBeTypeOf('function');
      }
    }
  });

  it('give the same verbose errors as the runtime Ajv instance', async () => {
    const schema = operations.PatchV0OrdersOrderIdOrNumberCancel.responses['200'].content['application/json'].schema;
    const body = {
      ...cancelledOrder,
      status: '<string>',
      data: { order: { ...cancelledOrder.data.order, number: '<string>', currency: 'XXX', createdAt: 1.5 } },
    };
    const { validators } = await responseValidatorLoaders['PatchV0OrdersOrderIdOrNumberCancel']!();
    const validate = validators['200']!['application/json']!;
    expect(validate(body)).toBe(false);
    const runtime = validateAgainst(schema, body);
    expect(runtime.length).toBeGreaterThan(2);
    expect(validate.errors).toEqual(runtime);
  });

  it('give the same answer for path ids as the runtime Ajv instance', () => {
    const op = operations.GetV0OrdersOrderIdOrNumber;
    const param = op.parameters.find((p) => p.in === 'path')!;
    const validate = pathParamValidators[op.operationId]![param.name]!;
    for (const value of ['#ABC123DEF456', '3c90c3cc-0d44-4b50-8888-8dd25736052a', '#ABC', '', 42]) {
      const runtime = validateAgainst(param.schema, value);
      expect(validate(value), JSON.stringify(value)).toBe(runtime.length === 0);
      expect((validate.errors ?? []).map((e) => e.keyword)).toEqual(runtime.map((e) => e.keyword));
    }
  });
});
