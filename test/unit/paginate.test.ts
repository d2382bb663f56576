import { describe, expect, it } from 'vitest';
import { FungiesError, NotFoundError, paginate } from '../../src/index.js';
import { createTestClient, json } from '../helpers.js';

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};
const query = (r: Request) => Object.fromEntries(new URL(r.url).searchParams);

describe('paginate', () => {
  it('pages skip/take lists until a short page, keeping the filters', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: `o${i}` }));
    const { client, requests } = createTestClient((r) => {
      const { skip, take } = query(r);
      return json({ status: 'success', data: { orders: all.slice(Number(skip), Number(skip) + Number(take)), count: all.length } });
    });
    const items = await collect(paginate(client, '/v0/orders/list', { query: { term: 'x' }, pageSize: 2 }));
    expect(items.map((o) => (o as { id: string }).id)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    expect(requests.map(query)).toEqual([
      { term: 'x', take: '2', skip: '0' },
      { term: 'x', take: '2', skip: '2' },
      { term: 'x', take: '2', skip: '4' },
    ]);
  });

  it('stops on count without asking for an empty page', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: { orders: [{ id: 'a' }, { id: 'b' }], count: 2 } }));
    expect(await collect(paginate(client, '/v0/orders/list', { pageSize: 2 }))).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('follows cursors until hasMore is false', async () => {
    const pages: Record<string, unknown> = {
      '': { subscriptions: [{ id: 's1' }], cursor: 'c1', hasMore: true },
      c1: { subscriptions: [{ id: 's2' }], cursor: 'c2', hasMore: false },
    };
    const { client, requests } = createTestClient((r) => json({ status: 'success', data: pages[query(r)['cursor'] ?? ''] }));
    expect(await collect(paginate(client, '/v0/subscriptions/list', { pageSize: 1 }))).toEqual([{ id: 's1' }, { id: 's2' }]);
    expect(requests.map(query)).toEqual([{ take: '1' }, { take: '1', cursor: 'c1' }]);
  });

  it('never loops on a cursor that does not move', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: { subscriptions: [{ id: 's' }], cursor: 'same' } }));
    expect(await collect(paginate(client, '/v0/subscriptions/list', { pageSize: 1 }))).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it('walks page/limit lists up to the reported number of pages', async () => {
    const { client, requests } = createTestClient((r) => json({ status: 'success', data: { inventory: [{ page: query(r)['page'] }], count: 3, pages: 3 } }));
    const items = await collect(paginate(client, '/v0/users/{userId}/inventory', { path: { userId: '3c90c3cc-0d44-4b50-8888-8dd25736052a' }, pageSize: 1 }));
    expect(items).toEqual([{ page: '1' }, { page: '2' }, { page: '3' }]);
    expect(requests).toHaveLength(3);
    expect(new URL(requests[0]!.url).pathname).toBe('/v0/users/3c90c3cc-0d44-4b50-8888-8dd25736052a/inventory');
  });

  it('stops at maxItems without fetching further pages', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: { orders: [{}, {}, {}], count: 100 } }));
    expect(await collect(paginate(client, '/v0/orders/list', { pageSize: 3, maxItems: 4 }))).toHaveLength(4);
    expect(requests).toHaveLength(2);
  });

  it('throws the API error of a failing page', async () => {
    const { client } = createTestClient(() => json({ status: 'error', error: { message: 'gone' } }, 404));
    await expect(collect(paginate(client, '/v0/orders/list'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an operation that does not page, naming it', async () => {
    const { client } = createTestClient();
    await expect(collect(paginate(client, '/v0/offers/list' as never))).rejects.toThrow(
      new FungiesError('/v0/offers/list is not a paginated list operation (no skip, cursor or page query parameter in the spec)'),
    );
  });
});
