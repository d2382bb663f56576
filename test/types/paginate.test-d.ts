/** paginate() is typed by the spec: the paths it accepts, the items it yields, the filters it takes. */
import { describe, expectTypeOf, it } from 'vitest';
import { type components, createFungiesClient, type Page, type PaginatedPath, paginate } from '../../src/index.js';

const client = createFungiesClient({ publicKey: 'pub_x' });
type Order = NonNullable<components['schemas']['GetV0OrdersListPositiveResponse']['data']['orders']>[number];

describe('paginate is typed by the spec', () => {
  it('yields the list item type of the operation', async () => {
    for await (const order of paginate(client, '/v0/orders/list', { query: { statuses: ['PAID'] } }))
      expectTypeOf(order).toEqualTypeOf<Order>();
  });

  it('gives typed pages and arrays', async () => {
    for await (const page of paginate(client, '/v0/orders/list').pages()) {
      expectTypeOf(page).toEqualTypeOf<Page<Order>>();
      expectTypeOf(page.total).toEqualTypeOf<number | undefined>();
    }
    expectTypeOf(paginate(client, '/v0/orders/list').toArray()).toEqualTypeOf<Promise<Order[]>>();
  });

  it('accepts exactly the list operations whose pages it can read', () => {
    // Same list as the run-time test over every operation (test/src/paginate.test.ts).
    expectTypeOf<PaginatedPath>().toEqualTypeOf<
      '/v0/discounts/list' | '/v0/orders/list' | '/v0/subscriptions/list' | '/v0/users/{userId}/inventory'
    >();
  });

  it('rejects list operations it cannot page', () => {
    // @ts-expect-error — users list pages by page/limit, but the spec does not document its data, so no list to read
    void paginate(client, '/v0/users/list');
    // @ts-expect-error — payments list documents no paging parameters
    void paginate(client, '/v0/payments/list');
    // @ts-expect-error — not a list
    void paginate(client, '/v0/orders/{orderIdOrNumber}');
  });

  it('takes signal and headers', () => {
    void paginate(client, '/v0/orders/list', { signal: AbortSignal.timeout(1000), headers: { 'x-trace': '1' }, maxPages: 10 });
  });

  it('rejects paging parameters and unknown filters in query', () => {
    // @ts-expect-error — skip is set by the iterator
    void paginate(client, '/v0/orders/list', { query: { skip: 10 } });
    // @ts-expect-error — not a filter of this operation
    void paginate(client, '/v0/orders/list', { query: { colour: 'red' } });
  });
});
