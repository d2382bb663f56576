/** What the precompiled validators' copy of the spec drops (scripts/lib/redundant-keywords.ts), and what it must keep. */
import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';
import { documentWithoutRedundantKeywords, withoutRedundantKeywords } from '../../scripts/lib/redundant-keywords.js';

const ORDER = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The id.' },
    number: { type: 'string', pattern: '^#?[0-9A-Z]{12}$' },
    status: { type: 'string', enum: ['PAID', 'FAILED'] },
    currency: { type: ['string', 'null'], enum: ['USD', 'EUR'], default: null },
  },
};

/** A spec document holding Order and the list item the vendor writes: `allOf: [Order, its fields again]`. */
function docWith(item: Record<string, unknown>, order: Record<string, unknown> = ORDER): Record<string, unknown> {
  return { openapi: '3.1.0', components: { schemas: { Order: order, Item: item } } };
}

const restated = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  allOf: [{ $ref: '#/components/schemas/Order' }, { type: 'object', required: ['id', 'number'], properties, ...extra }],
});

function pruned(item: Record<string, unknown>, order?: Record<string, unknown>): unknown {
  const doc = docWith(item, order);
  return (documentWithoutRedundantKeywords(doc, SPEC_DOCUMENT_ID)['components'] as { schemas: Record<string, unknown> }).schemas['Item'];
}

describe('withoutRedundantKeywords', () => {
  it('drops from a later allOf branch what the branch before it asserts with the same value, keeping annotations', () => {
    const item = restated({
      id: { type: 'string', format: 'uuid', description: 'Again.' },
      number: { type: 'string', pattern: '^#?[0-9A-Z]{12}$' },
      status: { type: 'string', enum: ['PAID', 'FAILED'] },
    });
    expect(pruned(item)).toEqual({
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/Order' },
        { required: ['id', 'number'], properties: { id: { description: 'Again.' }, number: {}, status: {} } },
      ],
    });
  });

  it('keeps what the earlier branch asserts differently, or not at all', () => {
    const item = restated({
      id: { type: 'string', format: 'uuid', minLength: 36 },
      number: { type: 'string', pattern: '^#[0-9A-Z]{12}$' },
      status: { type: 'string', enum: ['PAID'] },
      currency: { type: 'string', enum: ['USD', 'EUR'] },
    });
    expect(pruned(item)).toEqual({
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/Order' },
        {
          required: ['id', 'number'],
          properties: {
            id: { minLength: 36 },
            number: { pattern: '^#[0-9A-Z]{12}$' },
            status: { enum: ['PAID'] },
            // Order's currency takes null; this one does not, and its default differs (a spec defect is told by it).
            currency: { type: 'string', enum: ['USD', 'EUR'] },
          },
        },
      ],
    });
  });

  it("keeps a keyword whose schema's default or examples differ: they decide whether a failure is the spec's own defect", () => {
    const item = restated({ currency: { type: ['string', 'null'], enum: ['USD', 'EUR'] } });
    expect((pruned(item) as { allOf: { properties: unknown }[] }).allOf[1]!.properties).toEqual({
      currency: { type: ['string', 'null'], enum: ['USD', 'EUR'] },
    });
    const same = restated({ currency: { type: ['string', 'null'], enum: ['USD', 'EUR'], default: null } });
    expect((pruned(same) as { allOf: { properties: unknown }[] }).allOf[1]!.properties).toEqual({ currency: { default: null } });
  });

  it('keeps a keyword another branch asserts with another value, even if an earlier one agrees', () => {
    const item = {
      allOf: [
        { $ref: '#/components/schemas/Order' },
        { properties: { number: { pattern: '^#?[0-9A-Z]{12}$' } } },
        { properties: { number: { pattern: '^#[0-9A-Z]{12}$' } } },
      ],
    };
    expect(pruned(item)).toBe(item);
  });

  it('never drops from the first branch, nor because of the schema beside the allOf alone', () => {
    const item = {
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid' } },
      allOf: [{ properties: { id: { type: 'string', format: 'uuid' } } }],
    };
    expect(withoutRedundantKeywords(item, docWith(item), SPEC_DOCUMENT_ID)).toBe(item);
  });

  it.each([
    ['an anyOf beside the allOf', { anyOf: [{ properties: { id: { format: 'email' } } }] }],
    ['an if beside the allOf', { if: { required: ['id'] }, else: { properties: { id: { format: 'email' } } } }],
    ['additionalProperties as a schema', { additionalProperties: { format: 'email' } }],
    ['patternProperties', { patternProperties: { '^i': { format: 'email' } } }],
  ])('drops nothing where a conditional keyword could assert more on the same value: %s', (_what, extra) => {
    const item = { ...restated({ id: { type: 'string', format: 'uuid' } }), ...extra };
    expect(withoutRedundantKeywords(item, docWith(item), SPEC_DOCUMENT_ID)).toBe(item);
  });

  it('drops nothing from a property whose schema holds a conditional keyword or nullable', () => {
    for (const id of [
      { type: 'string', format: 'uuid', oneOf: [{ minLength: 1 }] },
      { type: 'string', format: 'uuid', nullable: true },
    ]) {
      const item = restated({ id });
      expect(
        (withoutRedundantKeywords(item, docWith(item), SPEC_DOCUMENT_ID) as { allOf: { properties: unknown }[] }).allOf[1]!.properties,
      ).toEqual({ id });
    }
  });

  it('drops nothing anywhere when the document uses unevaluatedProperties (it reads what the others evaluated)', () => {
    const item = restated({ id: { type: 'string', format: 'uuid' } });
    const doc = docWith(item, { ...ORDER, unevaluatedProperties: false });
    expect(documentWithoutRedundantKeywords(doc, SPEC_DOCUMENT_ID)).toBe(doc);
  });

  it('keeps a property that loses every assertion: an additionalProperties: false beside it must still see it declared', () => {
    const item = restated({ id: { type: 'string', format: 'uuid' } }, { additionalProperties: false });
    const branch = (pruned(item) as { allOf: Record<string, unknown>[] }).allOf[1]!;
    expect(branch['properties']).toEqual({ id: {} });
    expect(branch['additionalProperties']).toBe(false);
  });

  it('leaves inline anyOf and oneOf branches as written: a failed one shows them in its finding', () => {
    const item = { anyOf: [restated({ id: { type: 'string', format: 'uuid' } }), { type: 'null' }] };
    expect(withoutRedundantKeywords(item, docWith(item), SPEC_DOCUMENT_ID)).toBe(item);
  });

  it('reads refs as absolute (the registered document id) or local, and never changes its input', () => {
    const item = restated({ id: { type: 'string', format: 'uuid' } });
    const absolute = { ...item, allOf: [{ $ref: `${SPEC_DOCUMENT_ID}#/components/schemas/Order` }, item.allOf[1]] };
    const doc = docWith(item);
    const before = structuredClone(doc);
    const result = withoutRedundantKeywords(absolute, doc, SPEC_DOCUMENT_ID) as { allOf: { properties: unknown }[] };
    expect(result.allOf[1]!.properties).toEqual({ id: {} });
    expect(doc).toEqual(before);
    expect(absolute.allOf[1]).toEqual(item.allOf[1]);
  });
});

describe('withoutRedundantKeywords on a hostile document', () => {
  it.each([
    ['a ref to __proto__', '#/__proto__'],
    ['a ref to an inherited name', '#/components/schemas/constructor'],
    ['a dangling ref', '#/components/schemas/Nothing'],
    ['a ref into another document', 'https://example.invalid/schema.json#/Order'],
    ['a malformed escape', '#/components/schemas/%E0%A4%A'],
  ])('learns nothing from %s, and drops nothing', (_what, ref) => {
    const item = { allOf: [{ $ref: ref }, { properties: { id: { type: 'string', format: 'uuid' } } }] };
    expect(withoutRedundantKeywords(item, docWith(item), SPEC_DOCUMENT_ID)).toBe(item);
  });

  it('ends on a cycle of refs and on a wide, deep web of allOfs (a bounded walk), dropping nothing it could not read', () => {
    const schemas: Record<string, unknown> = {
      A: { allOf: [{ $ref: '#/components/schemas/B' }], properties: { id: { format: 'uuid' } } },
      B: { allOf: [{ $ref: '#/components/schemas/A' }] },
    };
    // 2^30 paths through W0…W29: only a budget stops the walk.
    for (let i = 0; i < 30; i++)
      schemas[`W${i}`] = { allOf: [{ $ref: `#/components/schemas/W${i + 1}` }, { $ref: `#/components/schemas/W${i + 1}` }] };
    schemas['W30'] = { properties: { id: { format: 'uuid' } } };
    const cyclic = { allOf: [{ $ref: '#/components/schemas/A' }, { properties: { id: { format: 'uuid' } } }] };
    const wide = { allOf: [{ $ref: '#/components/schemas/W0' }, { properties: { id: { format: 'uuid' } } }] };
    const doc = { components: { schemas } };
    expect((withoutRedundantKeywords(cyclic, doc, SPEC_DOCUMENT_ID) as { allOf: { properties: unknown }[] }).allOf[1]!.properties).toEqual({
      id: {},
    });
    expect(withoutRedundantKeywords(wide, doc, SPEC_DOCUMENT_ID)).toBe(wide);
  });
});
