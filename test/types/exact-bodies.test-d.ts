// An unknown key in a request-body literal must not compile, on the path style as on the resource methods.
import { describe, expectTypeOf, it } from 'vitest';
import { createFungiesClient, type paths } from '../../src/index.js';

const client = createFungiesClient({ publicKey: 'pub_x', secretKey: 'sec_x' });

describe('path style: request bodies are exact', () => {
  it('accepts a body with only documented keys', () => {
    void client.POST('/v0/discounts/create', { body: { name: 'x', amount: 10, amountType: 'percentage' } });
    void client.PATCH('/v0/subscriptions/{subscriptionIdOrNumber}/update', { params: { path: { subscriptionIdOrNumber: 'x' } }, body: {} });
  });

  it('rejects a misspelled body key on POST', () => {
    // @ts-expect-error — `nmae` is not a key of the discount body
    void client.POST('/v0/discounts/create', { body: { nmae: 'x' } });
  });

  it('rejects a misspelled body key on PATCH', () => {
    // @ts-expect-error — `statsu` is not a key of the order update body
    void client.PATCH('/v0/orders/{orderIdOrNumber}/update', { params: { path: { orderIdOrNumber: '#A' } }, body: { statsu: 'PAID' } });
  });

  it('still infers the response from the path', async () => {
    const { data } = await client.GET('/v0/orders/{orderIdOrNumber}', { params: { path: { orderIdOrNumber: '#A' } } });
    expectTypeOf(data?.data.order.id).toEqualTypeOf<string | undefined>();
  });
});

describe('query parameters the docs show without a type are typed', () => {
  type Query = NonNullable<paths['/v0/orders/list']['get']['parameters']['query']>;
  it('archived, withArchived and returnCount are booleans', () => {
    expectTypeOf<Query['archived']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Query['withArchived']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Query['returnCount']>().toEqualTypeOf<boolean | undefined>();
  });
});
