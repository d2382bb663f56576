/** paginate(): every item of a list, proof of the end before stopping, and no endless loops. */
import { describe, expect, it } from 'vitest';
import { FungiesError, listOperations, NotFoundError, PaginationError, paginate, paginatedPaths } from '../../src/index.js';
import { createTestClient as createClient, type Handler, json } from '../helpers.js';

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};
const query = (r: Request) => Object.fromEntries(new URL(r.url).searchParams);
const ok = (data: unknown) => json({ status: 'success', data });
/** A test client whose server stops answering after 50 requests, so a pager that never ends fails fast instead of spinning. */
function createTestClient(handler?: Handler, options: Parameters<typeof createClient>[1] = {}) {
  let count = 0;
  return createClient(
    handler && ((r) => (++count > 50 ? Promise.reject(new Error('test server: more than 50 requests')) : handler(r))),
    options,
  );
}
const USER = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

/** A server holding `total` orders that returns at most `cap` per page, whatever `take` asks for. */
function cappedOrders(total: number, cap: number, withCount: boolean) {
  const all = Array.from({ length: total }, (_, i) => ({ id: `o${i}` }));
  return (r: Request) => {
    const { skip = '0', take = '50' } = query(r);
    const orders = all.slice(Number(skip), Number(skip) + Math.min(cap, Number(take)));
    return ok(withCount ? { orders, count: total } : { orders });
  };
}

describe('paginate', () => {
  it('pages skip/take lists to the end, keeping the filters', async () => {
    const { client, requests } = createTestClient(cappedOrders(5, 100, true));
    const items = await collect(paginate(client, '/v0/orders/list', { query: { term: 'x' }, pageSize: 2 }));
    expect(items.map((o) => o.id)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    expect(requests.map(query)).toEqual([
      { term: 'x', take: '2', skip: '0' },
      { term: 'x', take: '2', skip: '2' },
      { term: 'x', take: '2', skip: '4' },
    ]);
  });

  it('does not take a short page for the end: 23 orders, pages capped at 10, no count', async () => {
    const { client, requests } = createTestClient(cappedOrders(23, 10, false));
    const items = await collect(paginate(client, '/v0/orders/list'));
    expect(items).toHaveLength(23);
    // The empty page after the last is the proof of the end.
    expect(requests.map((r) => query(r)['skip'])).toEqual(['0', '10', '20', '23']);
  });

  it('stops on count without asking for an empty page', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 'a' }, { id: 'b' }], count: 2 }));
    expect(await collect(paginate(client, '/v0/orders/list', { pageSize: 2 }))).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('follows cursors until hasMore is false', async () => {
    const pages: Record<string, unknown> = {
      '': { subscriptions: [{ id: 's1' }], cursor: 'c1', hasMore: true },
      c1: { subscriptions: [{ id: 's2' }], cursor: 'c2', hasMore: false },
    };
    const { client, requests } = createTestClient((r) => ok(pages[query(r)['cursor'] ?? '']));
    expect(await collect(paginate(client, '/v0/subscriptions/list', { pageSize: 1 }))).toEqual([{ id: 's1' }, { id: 's2' }]);
    expect(requests.map(query)).toEqual([{ take: '1' }, { take: '1', cursor: 'c1' }]);
  });

  it('fails on cursors that cycle (A → B → A) at the first repeat, not after maxPages', async () => {
    // Items without ids, so the repeated page itself cannot be recognised: only the cursors can.
    const pages: Record<string, unknown> = {
      '': { subscriptions: [{ n: 0 }], cursor: 'A', hasMore: true },
      A: { subscriptions: [{ n: 1 }], cursor: 'B', hasMore: true },
      B: { subscriptions: [{ n: 2 }], cursor: 'A', hasMore: true },
    };
    const { client, requests } = createTestClient((r) => ok(pages[query(r)['cursor'] ?? '']));
    const error = await paginate(client, '/v0/subscriptions/list')
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('"A"');
    expect(requests).toHaveLength(3);
  });

  // Serialising and parsing 200 000 items takes seconds on a busy 2-core machine: more than the default budget.
  it('toArray collects a page of 200 000 items', async () => {
    const orders = Array.from({ length: 200_000 }, (_, i) => ({ id: `o${i}` }));
    const { client } = createTestClient(() => ok({ orders, count: orders.length }));
    const all = await paginate(client, '/v0/orders/list').toArray();
    expect(all).toHaveLength(200_000);
    expect(all[199_999]).toEqual({ id: 'o199999' });
  }, 30_000);

  it('ends a cursor list when the server sends no next cursor', async () => {
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's1' }] }));
    expect(await collect(paginate(client, '/v0/subscriptions/list'))).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it('fails clearly on a cursor that does not move, instead of looping or stopping silently', async () => {
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's' }], cursor: 'same', hasMore: true }));
    const error = await collect(paginate(client, '/v0/subscriptions/list', { pageSize: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/\/v0\/subscriptions\/list: the server sent the cursor "same" again/);
    expect(requests).toHaveLength(2);
  });

  it('fails clearly when hasMore is true but no cursor comes with it', async () => {
    const { client } = createTestClient(() => ok({ subscriptions: [{ id: 's' }], hasMore: true }));
    await expect(collect(paginate(client, '/v0/subscriptions/list'))).rejects.toThrow(/hasMore is true but no cursor/);
  });

  it('fails clearly on a server that ignores skip and repeats a page', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 'a' }, { id: 'b' }] }));
    const error = await collect(paginate(client, '/v0/orders/list', { pageSize: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('the same page twice');
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('bounds the number of pages and says how to raise the bound', async () => {
    let n = 0;
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: `o${n++}` }] }));
    const error = await collect(paginate(client, '/v0/orders/list', { maxPages: 5 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('maxPages');
    expect(requests).toHaveLength(5);
  });

  it('walks page/limit lists up to the reported number of pages', async () => {
    const { client, requests } = createTestClient((r) => ok({ inventory: [{ page: query(r)['page'] }], count: 3, pages: 3 }));
    const items = await collect(paginate(client, '/v0/users/{userId}/inventory', { path: { userId: USER }, pageSize: 2 }));
    expect(items).toEqual([{ page: '1' }, { page: '2' }, { page: '3' }]);
    expect(requests).toHaveLength(3);
    expect(new URL(requests[0]!.url).pathname).toBe(`/v0/users/${USER}/inventory`);
  });

  it('does not stop a page/limit list on a short page when pages says there are more', async () => {
    const { client, requests } = createTestClient((r) => ok({ inventory: Number(query(r)['page']) < 3 ? [{}] : [], pages: 3 }));
    expect(await collect(paginate(client, '/v0/users/{userId}/inventory', { path: { userId: USER }, pageSize: 10 }))).toHaveLength(2);
    expect(requests).toHaveLength(3);
  });

  it('stops at maxItems without fetching further pages', async () => {
    let n = 0;
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: n++ }, { id: n++ }, { id: n++ }], count: 100 }));
    expect(await collect(paginate(client, '/v0/orders/list', { pageSize: 3, maxItems: 4 }))).toHaveLength(4);
    expect(requests).toHaveLength(2);
  });

  it('asks for nothing when maxItems is 0', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 'a' }] }));
    expect(await collect(paginate(client, '/v0/orders/list', { maxItems: 0 }))).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('sends the caller headers and signal with every page, and stops when the signal aborts', async () => {
    const controller = new AbortController();
    const { client, requests } = createTestClient(
      (r) => {
        if (r.signal.aborted) throw r.signal.reason;
        return ok({ orders: [{ id: `o${requests.length}` }] });
        // Retries off: this test is about the pager, not about how the request path treats an abort.
      },
      { retry: false },
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const order of paginate(client, '/v0/orders/list', {
        pageSize: 1,
        headers: { 'x-trace': 't1' },
        signal: controller.signal,
      })) {
        seen.push(order);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(FungiesError);
    expect(requests[0]!.headers.get('x-trace')).toBe('t1');
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('gives pages with their items, number and the total', async () => {
    const { client } = createTestClient(cappedOrders(5, 2, true));
    const pages = await collect(paginate(client, '/v0/orders/list', { pageSize: 2 }).pages());
    expect(pages.map((p) => ({ n: p.page, ids: p.items.map((o) => o.id), total: p.total }))).toEqual([
      { n: 1, ids: ['o0', 'o1'], total: 5 },
      { n: 2, ids: ['o2', 'o3'], total: 5 },
      { n: 3, ids: ['o4'], total: 5 },
    ]);
  });

  it('collects every item with toArray()', async () => {
    const { client } = createTestClient(cappedOrders(3, 2, false));
    expect((await paginate(client, '/v0/orders/list').toArray()).map((o) => o.id)).toEqual(['o0', 'o1', 'o2']);
  });

  it('throws the API error of a failing page', async () => {
    const { client } = createTestClient(() => json({ status: 'error', error: { message: 'gone' } }, 404));
    await expect(collect(paginate(client, '/v0/orders/list'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the list it expected when a page has none', async () => {
    const { client } = createTestClient(() => ok({ count: 3 }));
    await expect(collect(paginate(client, '/v0/orders/list'))).rejects.toThrow(
      new PaginationError('/v0/orders/list: the page has no "orders" list in its data'),
    );
  });

  it.each([[0], [1.5], [101]])('refuses pageSize %j for a list whose page size the spec bounds, naming the option', async (pageSize) => {
    const { client, requests } = createTestClient();
    await expect(collect(paginate(client, '/v0/subscriptions/list', { pageSize }))).rejects.toThrow(/pageSize/);
    expect(requests).toHaveLength(0);
  });

  it('refuses an operation that does not page, naming it', async () => {
    const { client } = createTestClient();
    await expect(collect(paginate(client, '/v0/offers/list' as never))).rejects.toThrow(
      new PaginationError(
        '/v0/offers/list is not a paginated list operation: use one of /v0/discounts/list, /v0/orders/list, /v0/subscriptions/list, /v0/users/{userId}/inventory',
      ),
    );
  });
});

describe('paginate over every operation in the spec', () => {
  // Must equal the PaginatedPath type (test/types/paginate.test-d.ts): the type and the run time agree.
  const expected = {
    '/v0/discounts/list': 'discounts',
    '/v0/orders/list': 'orders',
    '/v0/subscriptions/list': 'subscriptions',
    '/v0/users/{userId}/inventory': 'inventory',
  } as const;

  it('knows exactly the list operations whose pages it can read', () => {
    expect([...paginatedPaths].sort()).toEqual(Object.keys(expected).sort());
  });

  const gets = [...new Set(listOperations().map((op) => op.path))];
  it.each(gets)('%s', async (path) => {
    const listKey = (expected as Record<string, string>)[path];
    const { client, requests } = createTestClient(() => ok({ [listKey ?? 'items']: requests.length === 1 ? [{ id: 'x' }] : [] }));
    const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], USER]));
    const run = paginate(client, path as never, { path: params as never }).toArray();
    if (listKey) {
      expect(await run).toEqual([{ id: 'x' }]);
    } else {
      await expect(run).rejects.toBeInstanceOf(PaginationError);
      expect(requests).toHaveLength(0);
    }
  });
});
