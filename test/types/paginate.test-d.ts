import { describe, expectTypeOf, it } from 'vitest';
import { createFungiesClient, paginate, type components, type PaginatedPath } from '../../src/index.js';

const client = createFungiesClient({ publicKey: 'pub_x' });
type Order = NonNullable<components['schemas']['GetV0OrdersListPositiveResponse']['data']['orders']>[number];

describe('paginate is typed by the spec', () => {
  it('yields the list item type of the operation', async () => {
    for await (const order of paginate(client, '/v0/orders/list', { query: { statuses: ['PAID'] } })) expectTypeOf(order).toEqualTypeOf<Order>();
  });

  it('accepts exactly the paginated list paths', () => {
    // payments list documents no paging parameters (its page is cut off in the docs), so it is not here.
    expectTypeOf<PaginatedPath>().toEqualTypeOf<'/v0/discounts/list' | '/v0/orders/list' | '/v0/subscriptions/list' | '/v0/users/{userId}/inventory' | '/v0/users/list'>();
  });

  it('rejects paging parameters and unknown filters in query', () => {
    // @ts-expect-error — skip is set by the iterator
    void paginate(client, '/v0/orders/list', { query: { skip: 10 } });
    // @ts-expect-error — not a filter of this operation
    void paginate(client, '/v0/orders/list', { query: { colour: 'red' } });
  });
});
