// buildResources: per-request options reach the path-style init unchanged, on every page of a list too.
import { describe, expect, it } from 'vitest';
import { resourceTable } from '../../../generated/resources.js';
import type { Fungies, FungiesClient } from '../../../src/index.js';
import { buildResources } from '../../../src/resources/build.js';

/** A client that records the openapi-fetch init each call gets: what reaches the transport. */
function recordingClient() {
  const inits: Record<string, unknown>[] = [];
  // Five orders, served by skip/take, so a list walked with take 2 takes three pages.
  const all = Array.from({ length: 5 }, (_, i) => ({ id: `o${i}` }));
  const answer = async (_path: string, init: Record<string, unknown>) => {
    inits.push(init);
    const query = (init['params'] as { query?: { skip?: number; take?: number } } | undefined)?.query ?? {};
    const skip = query.skip ?? 0;
    const orders = all.slice(skip, skip + (query.take ?? 50));
    return { data: { status: 'success', data: { orders, count: all.length } }, response: new Response('{}') };
  };
  const client = { GET: answer, POST: answer, PATCH: answer, PUT: answer, DELETE: answer } as unknown as FungiesClient;
  return { resources: buildResources<Omit<Fungies, 'client'>>(client, resourceTable), inits };
}

describe('per-request options reach the path-style init unchanged', () => {
  it('timeout, retry, signal and headers', async () => {
    const { resources, inits } = recordingClient();
    const signal = new AbortController().signal;
    await resources.orders.cancel('#ABC123DEF456', undefined, { timeout: 20, retry: { limit: 1 }, signal, headers: { 'x-trace': 't' } });
    expect(inits[0]).toMatchObject({ timeout: 20, retry: { limit: 1 }, signal, headers: { 'x-trace': 't' } });
  });

  it('retry: false and timeout: false are passed, undefined ones are left out', async () => {
    const { resources, inits } = recordingClient();
    await resources.orders.get('#ABC123DEF456', { timeout: false, retry: false, signal: undefined });
    expect(inits[0]).toMatchObject({ timeout: false, retry: false });
    expect(inits[0]).not.toHaveProperty('signal');
  });

  it('every page of a for await iteration gets them', async () => {
    const { resources, inits } = recordingClient();
    const signal = new AbortController().signal;
    const options = { timeout: 50, retry: { limit: 1 }, maxResponseBytes: 4096, signal, headers: { 'x-trace': 't' } };
    const ids: string[] = [];
    for await (const order of resources.orders.list({ take: 2 }, options)) ids.push(order.id);
    expect(ids).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    // Pages 2 and 3 are where a lost option would show: page 1 is the first call itself.
    expect(inits.map((init) => (init['params'] as { query: { skip: number } }).query.skip)).toEqual([0, 2, 4]);
    for (const init of inits) expect(init).toMatchObject(options);
  });
});

describe('list methods collect like paginate()', () => {
  /** Three pages of two orders each, counted by `skip`. */
  function pagedClient() {
    const orders = Array.from({ length: 6 }, (_, i) => ({ id: `o${i}` }));
    const answer = async (_path: string, init: { params?: { query?: { skip?: number; take?: number } } }) => {
      const skip = init.params?.query?.skip ?? 0;
      const take = init.params?.query?.take ?? 2;
      return {
        data: { status: 'success', data: { orders: orders.slice(skip, skip + take), count: orders.length } },
        response: new Response('{}'),
      };
    };
    const client = { GET: answer } as unknown as FungiesClient;
    return buildResources<Omit<Fungies, 'client'>>(client, resourceTable);
  }

  it('.toArray() collects every item, and { maxItems } stops early', async () => {
    const resources = pagedClient();
    expect((await resources.orders.list({ take: 2 }).toArray()).map((o) => o.id)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5']);
    expect((await resources.orders.list({ take: 2 }).toArray({ maxItems: 3 })).map((o) => o.id)).toEqual(['o0', 'o1', 'o2']);
  });

  it('.pages() yields each page with its items and the total', async () => {
    const pages: { items: number; total: number | undefined }[] = [];
    for await (const page of pagedClient().orders.list({ take: 2 }).pages()) pages.push({ items: page.items.length, total: page.total });
    expect(pages).toEqual([
      { items: 2, total: 6 },
      { items: 2, total: 6 },
      { items: 2, total: 6 },
    ]);
  });
});
