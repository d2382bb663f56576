import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';
import { escapePointerToken, followRefs, pointerSegments, segmentsToPointer, valueAt } from '../../src/json-pointer.js';

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

describe('writing JSON pointers', () => {
  it.each([
    ['plain keys', ['paths', 'get'], '/paths/get'],
    ['/ as ~1 and ~ as ~0, ~ first', ['paths', '/v0/a~1', 200], '/paths/~1v0~1a~01/200'],
    ['no keys', [], ''],
  ])('%s', (_name, segments, pointer) => {
    expect(segmentsToPointer(segments)).toBe(pointer);
    expect(pointerSegments(pointer)).toEqual(segments.map(String));
  });

  it('escapes one token the same way', () => {
    expect(escapePointerToken('application/json~x')).toBe('application~1json~0x');
  });
});

describe('derefSchema', () => {
  it('follows a $ref into the spec and keeps sibling keywords on top', async () => {
    const { derefSchema } = await import('../../contract-tests/validation/validators.js');
    const ref = `${SPEC_DOCUMENT_ID}#/components/schemas/PatchV0OrdersOrderIdOrNumberCancelNegativeResponse`;
    expect(derefSchema({ $ref: ref })?.['required']).toEqual(['status', 'error']);
    expect(derefSchema({ $ref: ref, description: 'mine' })?.['description']).toBe('mine');
    expect(derefSchema({ $ref: `${SPEC_DOCUMENT_ID}#/components/schemas/Nope` })).toBeUndefined();
  });
});

describe('followRefs', () => {
  const doc = {
    a: { $ref: '#/b', description: 'beside the ref' },
    b: { $ref: '#/c' },
    c: { type: 'string', description: 'own' },
    loop: { $ref: '#/loop' },
  };
  const resolve = (ref: string) => valueAt(doc, ref);

  it('follows a chain to its end, keeping keywords written beside a $ref on top', () => {
    expect(followRefs({ $ref: '#/a' }, resolve)).toEqual({ type: 'string', description: 'beside the ref' });
    expect(followRefs({ $ref: '#/b' }, resolve)).toEqual({ type: 'string', description: 'own' });
  });

  it('ends on undefined for a dangling ref, and on a $ref object for a cycle', () => {
    expect(followRefs({ $ref: '#/nope' }, resolve)).toBeUndefined();
    expect(followRefs({ $ref: '#/loop' }, resolve)).toEqual({ $ref: '#/loop' });
  });

  it('returns anything that is not a $ref as it is', () => {
    expect(followRefs('text', resolve)).toBe('text');
    expect(followRefs(doc.c, resolve)).toBe(doc.c);
  });
});
