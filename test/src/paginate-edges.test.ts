/**
 * paginate() at its edges: which options it refuses and with which error, the page-size bounds the
 * spec sets, and exactly when each paging style ends or gives up (how many requests, which items).
 */
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, listOperations, PaginationError, paginate } from '../../src/index.js';
import { createTestClient as createClient, type Handler, json } from '../helpers.js';

const query = (r: Request) => Object.fromEntries(new URL(r.url).searchParams);
const ok = (data: unknown) => json({ status: 'success', data });
/** A test client whose server stops answering after 20 requests, so a pager that never ends fails fast. */
function createTestClient(handler: Handler = () => ok({})) {
  let count = 0;
  return createClient((r) => (++count > 20 ? Promise.reject(new Error('test server: more than 20 requests')) : handler(r)));
}
const failure = (run: Promise<unknown>) =>
  run.then(
    () => {
      throw new Error('expected the walk to fail');
    },
    (e: unknown) => e as Error,
  );
const operationId = (path: string) => listOperations().find((op) => op.path === path && op.method === 'get')!.operationId;
const USER = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const INVENTORY = '/v0/users/{userId}/inventory' as const;

describe('paginate refuses bad options before any request', () => {
  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('pageSize %j, naming query.take', async (pageSize) => {
    const { client, requests } = createTestClient();
    const error = await failure(paginate(client, '/v0/orders/list', { pageSize }).toArray());
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe(`paginate /v0/orders/list: pageSize must be a whole number ≥ 1; got ${String(pageSize)}`);
    expect((error as InvalidParameterError).parameter).toBe('query.take');
    expect((error as InvalidParameterError).operationId).toBe(operationId('/v0/orders/list'));
    expect(requests).toHaveLength(0);
  });

  it('names query.limit for a page/limit list', async () => {
    const { client, requests } = createTestClient();
    const error = await failure(paginate(client, INVENTORY, { path: { userId: USER }, pageSize: 0 }).toArray());
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).toBe('query.limit');
    expect((error as InvalidParameterError).operationId).toBe(operationId(INVENTORY));
    expect(requests).toHaveLength(0);
  });

  it('sends 50 per page by default and accepts a pageSize of 1', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [] }));
    await paginate(client, '/v0/orders/list').toArray();
    await paginate(client, '/v0/orders/list', { pageSize: 1 }).toArray();
    expect(requests.map((r) => query(r)['take'])).toEqual(['50', '1']);
  });

  it('holds pageSize to the maximum the spec sets (take ≤ 100 on subscriptions), the bound itself allowed', async () => {
    const { client, requests } = createTestClient(() => ok({ subscriptions: [] }));
    const error = await failure(paginate(client, '/v0/subscriptions/list', { pageSize: 101 }).toArray());
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe('paginate /v0/subscriptions/list: pageSize 101 is not allowed (take must be <= 100)');
    expect((error as InvalidParameterError).parameter).toBe('query.take');
    expect(requests).toHaveLength(0);
    await paginate(client, '/v0/subscriptions/list', { pageSize: 100 }).toArray();
    // The minimum (take ≥ 1) allows 1.
    await paginate(client, '/v0/subscriptions/list', { pageSize: 1 }).toArray();
    expect(requests.map((r) => query(r)['take'])).toEqual(['100', '1']);
  });

  it('holds pageSize to the exclusive minimum the spec sets (limit > 1 on the inventory)', async () => {
    const { client, requests } = createTestClient(() => ok({ inventory: [] }));
    const error = await failure(paginate(client, INVENTORY, { path: { userId: USER }, pageSize: 1 }).toArray());
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe(`paginate ${INVENTORY}: pageSize 1 is not allowed (limit must be > 1)`);
    expect(requests).toHaveLength(0);
    await paginate(client, INVENTORY, { path: { userId: USER }, pageSize: 2 }).toArray();
    expect(requests.map(query)).toEqual([{ limit: '2', page: '1' }]);
  });

  it.each([[-1], [Number.NaN], ['3']])('maxItems %j', async (maxItems) => {
    const { client, requests } = createTestClient();
    const error = await failure(paginate(client, '/v0/orders/list', { maxItems: maxItems as number }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe(`paginate /v0/orders/list: maxItems must be a number ≥ 0 (or Infinity); got ${String(maxItems)}`);
    expect(requests).toHaveLength(0);
  });

  it.each([[0], [-1], [1.5]])('maxPages %j', async (maxPages) => {
    const { client, requests } = createTestClient();
    const error = await failure(paginate(client, '/v0/orders/list', { maxPages }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe(`paginate /v0/orders/list: maxPages must be a whole number ≥ 1; got ${String(maxPages)}`);
    expect(requests).toHaveLength(0);
  });

  it('maxPages 1 fetches one page, then says the list goes on', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 'a' }], count: 2 }));
    const error = await failure(paginate(client, '/v0/orders/list', { maxPages: 1 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toMatch(/^\/v0\/orders\/list: stopped after 1 pages without reaching the end/);
    expect(requests).toHaveLength(1);
  });
});

describe('paginate ends a list only on proof', () => {
  it('page/limit: stops at `pages` without a count, asking for no page past it', async () => {
    const { client, requests } = createTestClient((r) => ok({ inventory: [{ id: `i${query(r)['page']}` }], pages: 2 }));
    const items = await paginate(client, INVENTORY, { path: { userId: USER } }).toArray();
    expect(items).toEqual([{ id: 'i1' }, { id: 'i2' }]);
    expect(requests.map((r) => query(r)['page'])).toEqual(['1', '2']);
  });

  it('page/limit: without `pages` (or with a null one), walks to the empty page', async () => {
    for (const pages of [undefined, null]) {
      const { client, requests } = createTestClient((r) => {
        const page = Number(query(r)['page']);
        return ok({ inventory: page < 3 ? [{ id: `i${page}` }] : [], pages });
      });
      const items = await paginate(client, INVENTORY, { path: { userId: USER } }).toArray();
      expect(items).toEqual([{ id: 'i1' }, { id: 'i2' }]);
      expect(requests.map((r) => query(r)['page'])).toEqual(['1', '2', '3']);
    }
  });

  it('stops when hasMore is false, whatever the style', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 'a' }], hasMore: false }));
    expect(await paginate(client, '/v0/orders/list').toArray()).toEqual([{ id: 'a' }]);
    expect(requests).toHaveLength(1);
  });

  it('stops at maxItems on a page boundary without asking for the next page', async () => {
    let n = 0;
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: n++ }, { id: n++ }], count: 100 }));
    expect(await paginate(client, '/v0/orders/list', { pageSize: 2, maxItems: 2 }).toArray()).toEqual([{ id: 0 }, { id: 1 }]);
    expect(requests).toHaveLength(1);
  });

  it('does not take a count that is not a number for the total', async () => {
    const { client, requests } = createTestClient((r) => {
      const skip = Number(query(r)['skip']);
      return ok({ orders: skip < 2 ? [{ id: `o${skip}` }] : [], count: null });
    });
    const pages = [];
    for await (const page of paginate(client, '/v0/orders/list').pages()) pages.push(page);
    expect(pages.map((p) => [p.page, p.items, p.total])).toEqual([
      [1, [{ id: 'o0' }], undefined],
      [2, [{ id: 'o1' }], undefined],
      [3, [], undefined],
    ]);
    expect(requests).toHaveLength(3);
  });

  it('walks pages of items without ids (or null items) that look alike, to the empty page', async () => {
    for (const item of [{ name: 'same' }, null]) {
      const { client, requests } = createTestClient((r) => ok({ orders: Number(query(r)['skip']) < 2 ? [item] : [] }));
      expect(await paginate(client, '/v0/orders/list').toArray()).toEqual([item, item]);
      expect(requests).toHaveLength(3);
    }
  });

  it('cursor: an empty or non-string cursor ends the list', async () => {
    for (const cursor of ['', 5]) {
      const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's1' }], cursor }));
      expect(await paginate(client, '/v0/subscriptions/list').toArray()).toEqual([{ id: 's1' }]);
      expect(requests).toHaveLength(1);
    }
  });

  it('cursor: an empty cursor with hasMore true fails after one request', async () => {
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's1' }], cursor: '', hasMore: true }));
    const error = await failure(paginate(client, '/v0/subscriptions/list').toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe('/v0/subscriptions/list: hasMore is true but no cursor came with it, so the next page cannot be asked for');
    expect(requests).toHaveLength(1);
  });
});

describe('paginate names the way a server repeats itself', () => {
  it('skip/take: the same numbered ids twice', async () => {
    const { client, requests } = createTestClient(() => ok({ orders: [{ id: 1 }, { id: 2 }] }));
    const error = await failure(paginate(client, '/v0/orders/list').toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe(
      '/v0/orders/list: the server returned the same page twice (skip did not move the list on); stopping rather than asking for the same page forever',
    );
    expect(requests).toHaveLength(2);
  });

  it('cursor: the same page under a new cursor', async () => {
    let n = 0;
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's' }], cursor: `c${n++}`, hasMore: true }));
    const error = await failure(paginate(client, '/v0/subscriptions/list').toArray());
    expect(error.message).toBe(
      '/v0/subscriptions/list: the server returned the same page twice (cursor did not move the list on); stopping rather than asking for the same page forever',
    );
    expect(requests).toHaveLength(2);
  });

  it('cursor: the same page and the same cursor', async () => {
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: 's' }], cursor: 'same', hasMore: true }));
    const error = await failure(paginate(client, '/v0/subscriptions/list').toArray());
    expect(error.message).toBe(
      '/v0/subscriptions/list: the server sent the cursor "same" again; stopping rather than asking for the same page forever',
    );
    expect(requests).toHaveLength(2);
  });

  it('cursor: new items under the cursor it was asked with', async () => {
    let n = 0;
    const { client, requests } = createTestClient(() => ok({ subscriptions: [{ id: `s${n++}` }], cursor: 'same', hasMore: true }));
    const error = await failure(paginate(client, '/v0/subscriptions/list').toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toBe(
      '/v0/subscriptions/list: the server sent the cursor "same" again; stopping rather than asking for the same page forever',
    );
    expect(requests).toHaveLength(2);
  });
});
