// The type test of the resource model lists every place the spec shows a resource: a new place fails here until it is assigned there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resourceNames, resourcePlaces } from './resource-places.js';

const spec = parse(readFileSync('openapi/api-docs.yaml', 'utf8')) as Record<string, unknown>;
const typeTest = readFileSync('test/types/resource-model.test-d.ts', 'utf8');

describe('the resource model', () => {
  it('has one component per resource the pages show', () => {
    expect([...resourceNames(spec)].sort()).toEqual(
      ['CheckoutElement', 'Discount', 'Item', 'Offer', 'Order', 'Payment', 'Product', 'Subscription', 'User', 'Variant'].sort(),
    );
  });

  it('has every place a resource appears assigned to its type in test/types/resource-model.test-d.ts', () => {
    const places = resourcePlaces(spec);
    expect(places.length).toBeGreaterThan(75);
    const missing = places.filter((p) => !typeTest.includes(`// ${p.label}\n`) || !typeTest.includes(`toExtend<${p.resource}>`));
    expect(missing.map((p) => p.label)).toEqual([]);
  });

  it('refers every place but the official cancel-order text to its component', () => {
    const schemas = (spec['components'] as { schemas: Record<string, unknown> }).schemas;
    const text = JSON.stringify(spec['paths']) + JSON.stringify(spec['webhooks']) + JSON.stringify(schemas);
    for (const name of resourceNames(spec)) expect(text, name).toContain(`"$ref":"#/components/schemas/${name}"`);
    // Inline objects that carry a resource's constant are only the vendor's own cancel-order text.
    const constants = [...resourceNames(spec)].map((n) => n.charAt(0).toLowerCase() + n.slice(1)).join('|');
    const carries = new RegExp(`"object":\\{[^}]*"(const|enum)":\\[?"(${constants})"`);
    const inline = Object.entries(schemas).filter(([name, s]) => !resourceNames(spec).has(name) && carries.test(JSON.stringify(s)));
    expect(inline.map(([name]) => name)).toEqual(['PatchV0OrdersOrderIdOrNumberCancelPositiveResponse']);
  });
});
