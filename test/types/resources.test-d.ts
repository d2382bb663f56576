// The resource methods' parameters and results, checked against the spec's own operation types.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiPromise,
  createFungies,
  type DiscountsCreateBody,
  type Order,
  type OrdersGetResponse,
  type OrdersListQuery,
  type OrdersListResponse,
  type OperationTypes as operations,
  type Payment,
  type ProductsVariantsUpdateBody,
  type paths,
  type RequestOptions,
  type Subscription,
  type User,
  type WithResponse,
} from '../../src/index.js';

const fungies = createFungies({ publicKey: 'pub_x', secretKey: 'sec_x' });
type Data<Id extends keyof operations> = operations[Id]['responses'][200]['content']['application/json']['data'];

describe('resource methods are typed by the spec', () => {
  it('orders.get takes the id or number and returns the get-order data', () => {
    expectTypeOf(fungies.orders.get).parameters.toEqualTypeOf<[orderIdOrNumber: string, options?: RequestOptions]>();
    expectTypeOf(fungies.orders.get).returns.toEqualTypeOf<ApiPromise<OrdersGetResponse>>();
    expectTypeOf<OrdersGetResponse>().toEqualTypeOf<Data<'GetV0OrdersOrderIdOrNumber'>>();
  });

  it('orders.list takes the list query and returns one page when awaited', async () => {
    expectTypeOf(fungies.orders.list).parameters.toEqualTypeOf<[query?: OrdersListQuery, options?: RequestOptions]>();
    expectTypeOf<OrdersListQuery>().toEqualTypeOf<NonNullable<paths['/v0/orders/list']['get']['parameters']['query']>>();
    expectTypeOf(await fungies.orders.list()).toEqualTypeOf<OrdersListResponse>();
  });

  it('orders.list iterates orders with for await', async () => {
    for await (const order of fungies.orders.list({ statuses: ['PAID'] }))
      expectTypeOf(order).toEqualTypeOf<NonNullable<OrdersListResponse['orders']>[number]>();
    for await (const subscription of fungies.subscriptions.list())
      expectTypeOf(subscription).toEqualTypeOf<NonNullable<Data<'GetV0SubscriptionsList'>['subscriptions']>[number]>();
  });

  it('orders.cancel takes the id, an optional body and options', () => {
    expectTypeOf(fungies.orders.cancel).parameters.toEqualTypeOf<
      [
        orderIdOrNumber: string,
        body?: NonNullable<operations['PatchV0OrdersOrderIdOrNumberCancel']['requestBody']>['content']['application/json'],
        options?: RequestOptions,
      ]
    >();
    expectTypeOf(fungies.orders.cancel).returns.resolves.toEqualTypeOf<Data<'PatchV0OrdersOrderIdOrNumberCancel'>>();
  });

  it('discounts.create takes the create body', () => {
    expectTypeOf(fungies.discounts.create).parameters.toEqualTypeOf<[body?: DiscountsCreateBody, options?: RequestOptions]>();
    expectTypeOf(fungies.discounts.create).returns.resolves.toEqualTypeOf<Data<'PostV0DiscountsCreate'>>();
  });

  it('nested groups take the parent id first', () => {
    expectTypeOf(fungies.products.variants.update).parameters.toEqualTypeOf<
      [productId: string, variantId: string, body?: ProductsVariantsUpdateBody, options?: RequestOptions]
    >();
    expectTypeOf(fungies.offers.keys.removeUnsold).parameters.toEqualTypeOf<[offerId: string, keyId: string, options?: RequestOptions]>();
    expectTypeOf(fungies.users.inventory).parameters.toMatchTypeOf<[userId: string, query?: object, options?: RequestOptions]>();
    expectTypeOf(fungies.elements.checkout.create).returns.resolves.toEqualTypeOf<Data<'PostV0ElementsCheckoutCreate'>>();
  });

  it('withResponse() adds the response and the request id', () => {
    expectTypeOf(fungies.orders.get('#A').withResponse()).resolves.toEqualTypeOf<WithResponse<OrdersGetResponse>>();
    expectTypeOf<WithResponse<OrdersGetResponse>['requestId']>().toEqualTypeOf<string | undefined>();
  });

  it('the path-style client stays reachable', () => {
    expectTypeOf(fungies.client.GET).toBeFunction();
  });
});

describe('named types match what the methods return', () => {
  it('Order, Payment, Subscription, User: what get returns is the resource, with the fields get always carries', async () => {
    const order = (await fungies.orders.get('#A')).order;
    expectTypeOf(order).toExtend<Order>();
    expectTypeOf(order.number).toEqualTypeOf<string>();
    expectTypeOf((await fungies.payments.get('p')).payment).toExtend<Payment>();
    expectTypeOf((await fungies.subscriptions.get('s')).subscription).toExtend<Subscription>();
    expectTypeOf((await fungies.users.get('u')).user).toExtend<User>();
    // Other operations return the same object with the fields they document: it is an Order too.
    expectTypeOf((await fungies.orders.cancel('#A')).order).toExtend<Order>();
  });
});

describe('resource methods: request bodies and queries are exact', () => {
  it('rejects a misspelled body key', () => {
    // @ts-expect-error — `nmae` is not a key of the discount body
    void fungies.discounts.create({ nmae: 'x' });
    // @ts-expect-error — `statsu` is not a key of the order update body
    void fungies.orders.update('#A', { statsu: 'PAID' });
  });

  it('rejects an unknown or mistyped query key', () => {
    // @ts-expect-error — not a filter of orders.list
    void fungies.orders.list({ colour: 'red' });
    // @ts-expect-error — archived is a boolean
    void fungies.orders.list({ archived: 'yes' });
  });

  it('rejects a missing path parameter and an unknown option', () => {
    // @ts-expect-error — variantId is missing
    void fungies.products.variants.update('p');
    // @ts-expect-error — no such request option
    void fungies.orders.get('#A', { timeot: 5 });
  });
});
