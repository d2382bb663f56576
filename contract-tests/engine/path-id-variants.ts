/**
 * Invalid path ids, one per kind of id schema and for every path id (not only the first): a server
 * that validates one id and trusts the next, or accepts any `#…` as an order number, is caught.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { validateAgainst } from '../validation/validators.js';
import type { PlannedRequest } from './request-builder.js';
import { takesIdOrNumber } from './schema-sample.js';
import type { Variant } from './variants.js';

const NOT_A_UUID: [string, string] = ['not a UUID', 'not-a-uuid'];
// One letter past `f` in the last group: the right shape, not hex.
const BAD_UUID: [string, string] = ['a UUID with a bad character', '123e4567-e89b-12d3-a456-42661417400g'];
const ORDER_NUMBER_CASES: [string, string][] = [
  ['a malformed order number', '#abc'],
  BAD_UUID,
  // The order-number pattern bounds its length (12 to 32 characters): one more is out of range.
  ['an order number longer than the pattern allows', 'A'.repeat(33)],
];

/** Each case is kept only where the parameter's own schema rejects it: a plain-string id gets none. */
export function pathIdVariants(op: OperationMeta, valid: PlannedRequest): Variant[] {
  const out: Variant[] = [];
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const cases = takesIdOrNumber(p.schema) ? ORDER_NUMBER_CASES : [NOT_A_UUID, BAD_UUID];
    for (const [what, value] of cases) {
      if (validateAgainst(p.schema, value).length === 0) continue;
      out.push({ name: `path ${p.name}: ${what}`, request: { ...valid, path: { ...valid.path, [p.name]: value } } });
    }
  }
  return out;
}
