import { describe, expect, it } from 'vitest';
import { pointerSegments, valueAt } from '../../src/json-pointer.js';

const doc = { paths: { '/v0/orders/{id}': { get: { tags: ['orders'] } } }, 'a~b': 1, 'x%y': 2 };

describe('JSON pointers', () => {
  it.each([
    ['the whole document', '', doc],
    ['a plain pointer with ~1 for /', '/paths/~1v0~1orders~1{id}/get/tags/0', 'orders'],
    ['a URI fragment, percent-decoded', '#/paths/~1v0~1orders~1%7Bid%7D/get/tags/0', 'orders'],
    ['~0 for ~', '/a~0b', 1],
    ['a plain pointer keeps % as it is', '/x%y', 2],
    ['a missing key', '/paths/nope/get', undefined],
    ['a key below a primitive', '/a~0b/c', undefined],
    ['a malformed percent escape', '#/x%zz', undefined],
  ])('%s', (_name, pointer, value) => {
    expect(valueAt(doc, pointer)).toEqual(value);
  });

  it('splits into keys', () => {
    expect(pointerSegments('#/components/schemas/A~1B')).toEqual(['components', 'schemas', 'A/B']);
    expect(pointerSegments('#/bad%')).toBeUndefined();
  });
});

describe('derefSchema', () => {
  it('follows a $ref into the spec and keeps sibling keywords on top', async () => {
    const { derefSchema } = await import('../../src/validation/validators.js');
    const ref = 'urn:fungies:api-docs#/components/schemas/PatchV0OrdersOrderIdOrNumberCancelNegativeResponse';
    expect(derefSchema({ $ref: ref })?.['required']).toEqual(['status', 'error']);
    expect(derefSchema({ $ref: ref, description: 'mine' })?.['description']).toBe('mine');
    expect(derefSchema({ $ref: 'urn:fungies:api-docs#/components/schemas/Nope' })).toBeUndefined();
  });
});
