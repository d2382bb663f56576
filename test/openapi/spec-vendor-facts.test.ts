// Pins the shapes the vendor's pages (and, where they say so, live callers) show, each named in openapi/PROVENANCE.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveLocalRef, specOperations } from '../../contract-tests/spec/openapi-walk.js';

// biome-ignore lint/suspicious/noExplicitAny: the test walks raw spec YAML by known paths; `any` keeps each pin one readable line.
type Schema = Record<string, any>;
const spec = parse(readFileSync('openapi/api-docs.yaml', 'utf8')) as Schema;
const ops = specOperations(spec);
const op = (id: string) => {
  const found = ops.find((o) => o.operation['operationId'] === id);
  if (!found) throw new Error(`no operation ${id} in the spec`);
  return found;
};
const operation = (id: string): Schema => op(id).operation as Schema;
const deref = (node: Schema | undefined): Schema =>
  node && typeof node['$ref'] === 'string' ? deref(resolveLocalRef(spec, node['$ref']) as Schema) : (node ?? {});
/** The resource component a response place refers to (`$ref`, or the first `allOf` branch of a stricter view). */
const resource = (place: Schema): Schema => deref(place['$ref'] ? place : place['allOf']?.[0]);
const body = (id: string) => deref(operation(id)['requestBody']?.content?.['application/json']?.schema);
const ok = (id: string) => deref(operation(id)['responses']?.['200']?.content?.['application/json']?.schema);
const data = (id: string) => deref(ok(id)['properties']?.['data']);
const query = (id: string) => ((operation(id)['parameters'] ?? []) as Schema[]).filter((p) => p['in'] === 'query').map((p) => p['name']);

describe('discounts: the core-resources endpoint table', () => {
  it('lists GET /v0/discounts/list, public key only, returning data.discounts', () => {
    expect(op('GetV0DiscountsList')).toMatchObject({ method: 'get', path: '/v0/discounts/list' });
    expect(operation('GetV0DiscountsList')['security']).toEqual([{ APIKEY_1: [] }]);
    expect(data('GetV0DiscountsList')['properties']['discounts']['type']).toBe('array');
    expect(query('GetV0DiscountsList')).toEqual(expect.arrayContaining(['skip', 'take', 'withArchived', 'type']));
  });

  it('lists PATCH /v0/discounts/{discountId}/archive, a write with both keys', () => {
    expect(op('PatchV0DiscountsDiscountIdArchive')).toMatchObject({ method: 'patch', path: '/v0/discounts/{discountId}/archive' });
    expect(operation('PatchV0DiscountsDiscountIdArchive')['security']).toEqual([{ APIKEY_1: [], APIKEY_2: [] }]);
  });
});

describe('discount request bodies follow core-resources/discount', () => {
  for (const id of ['PostV0DiscountsCreate', 'PatchV0DiscountsDiscountIdUpdate']) {
    it(`${id}: purchaseLimit is an integer, validFrom/validUntil are Unix milliseconds`, () => {
      expect(body(id)['properties']['purchaseLimit']['type']).toBe('integer');
      for (const field of ['validFrom', 'validUntil']) expect(body(id)['properties'][field]['description'], field).toMatch(/milliseconds/);
    });
  }

  it('create accepts both discount types (code and sale)', () => {
    expect(body('PostV0DiscountsCreate')['properties']['type']['enum']).toEqual(['code', 'sale']);
  });
});

describe('checkout-element create follows the newest rendering', () => {
  it('takes offersIds (required), name and customFields, and no type', () => {
    const b = body('PostV0ElementsCheckoutCreate');
    expect(Object.keys(b['properties'])).toEqual(['offersIds', 'name', 'customFields']);
    expect(b['required']).toEqual(['offersIds']);
  });

  it('answers with id, status and offers first, and no type', () => {
    const element = resource(data('PostV0ElementsCheckoutCreate')['properties']['checkoutElement']);
    expect(Object.keys(element['properties'])).toEqual(['id', 'status', 'offers', 'object', 'name', 'subscriptionOffer']);
    expect(element['required']).toEqual(['id', 'status', 'offers']);
  });
});

describe('offer and product reads carry their entities', () => {
  it('GET /v0/offers/{offerId} returns data.offer shaped like the create response', () => {
    const created = resource(data('PostV0OffersCreate')['properties']['offer']);
    expect(resource(data('GetV0OffersOfferId')['properties']['offer'])).toBe(created);
    expect(Object.keys(created['properties'])).toContain('price');
  });

  it('GET /v0/offers/list returns data.offers', () => {
    expect(data('GetV0OffersList')['properties']['offers']['type']).toBe('array');
  });

  it('GET /v0/products/{productId} returns data.product beside data.offers', () => {
    expect(Object.keys(data('GetV0ProductsProductId')['properties'])).toEqual(['product', 'offers']);
  });

  it('GET /v0/products/list returns data.products and filters by types', () => {
    expect(data('GetV0ProductsList')['properties']['products']['type']).toBe('array');
    expect(query('GetV0ProductsList')).toContain('types');
  });
});

describe('request-body quirks', () => {
  it('product create takes the product type', () => {
    expect(body('PostV0ProductsCreate')['properties']['type']['enum']).toContain('OneTimePayment');
  });

  it.each(['PatchV0ProductsProductIdUpdate', 'PatchV0OffersOfferIdUpdate'])('%s requires the path id repeated as body id', (id) => {
    expect(body(id)['required']).toContain('id');
  });
});

describe('statuses the authentication page documents', () => {
  const official = 'PatchV0OrdersOrderIdOrNumberCancel';
  it('every operation but the verbatim official one declares 401 and 403 with the error envelope', () => {
    for (const o of ops) {
      const id = String(o.operation['operationId']);
      const responses = (o.operation as Schema)['responses'] as Schema;
      if (id === official) continue;
      for (const status of ['401', '403']) {
        const schema = deref(responses[status]?.content?.['application/json']?.schema);
        expect(schema['properties']?.['status']?.['const'], `${id} ${status}`).toBe('error');
      }
    }
    expect(Object.keys(operation(official)['responses'] as Schema)).toEqual(['200', '400']);
  });
});

describe('servers', () => {
  it('lists only the production host: no vendor page documents a sandbox host', () => {
    expect(spec['servers']).toEqual([{ url: 'https://api.fungies.io' }]);
  });
});
