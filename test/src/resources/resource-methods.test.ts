// Resource methods (fungies.orders.get and the rest): the request sent, the data returned, errors, lists, bad arguments.
import { describe, expect, it } from 'vitest';
import {
  createFungies,
  type FungiesClientOptions,
  FungiesConfigError,
  InvalidParameterError,
  NotFoundError,
  ResponseTooLargeError,
} from '../../../src/index.js';
import { cancelledOrder, type Handler, json, PUBLIC_KEY, recordingFetch, SECRET_KEY } from '../../helpers.js';

function createTestFungies(handler: Handler, options: Partial<FungiesClientOptions> = {}) {
  const { fetch, requests } = recordingFetch((request) => {
    // As the platform fetch does: an aborted signal fails the request before anything is sent.
    if (request.signal.aborted) throw request.signal.reason;
    return handler(request);
  });
  const fungies = createFungies({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl: 'https://api.test',
    fetch,
    retry: false,
    ...options,
  });
  return { fungies, requests };
}

const P = '11111111-1111-4111-8111-111111111111';
const V = '22222222-2222-4222-8222-222222222222';
const order = (n: number) => ({ ...cancelledOrder.data.order, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

describe('resource methods', () => {
  it('send the operation with path parameters and return the envelope data', async () => {
    const { fungies, requests } = createTestFungies(() => json(cancelledOrder));
    const data = await fungies.orders.cancel('#ABC123DEF456');
    expect(data.order.status).toBe('CANCELLED');
    expect(requests[0]?.method).toBe('PATCH');
    expect(new URL(requests[0]!.url).pathname).toBe('/v0/orders/%23ABC123DEF456/cancel');
    // The documented body of a write with nothing to say is `{}`.
    expect(await requests[0]?.text()).toBe('{}');
  });

  it('put nested path parameters in order and send the body', async () => {
    const { fungies, requests } = createTestFungies(() => json({ status: 'success', data: {} }));
    await fungies.products.variants.update(P, V, { name: 'Gold' } as never);
    expect(new URL(requests[0]!.url).pathname).toBe(`/v0/products/${P}/variants/${V}/update`);
    expect(JSON.parse(await requests[0]!.text())).toEqual({ name: 'Gold' });
  });

  it('send the query of a list call', async () => {
    const { fungies, requests } = createTestFungies(() => json({ status: 'success', data: { orders: [], count: 0 } }));
    await fungies.orders.list({ statuses: ['PAID'], archived: true, take: 5 });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/v0/orders/list');
    expect(url.searchParams.get('statuses')).toBe('PAID');
    expect(url.searchParams.get('archived')).toBe('true');
    expect(url.searchParams.get('take')).toBe('5');
  });

  it('throw the typed error of a non-2xx', async () => {
    const { fungies } = createTestFungies(() => json({ status: 'error', error: { message: 'no such order' } }, 404));
    await expect(fungies.orders.get('#ABC123DEF456')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('withResponse() gives the data, the raw response and the request id', async () => {
    const { fungies } = createTestFungies(() => json(cancelledOrder, 200, { 'x-request-id': 'req_123' }));
    const { data, response, requestId } = await fungies.orders.cancel('#ABC123DEF456').withResponse();
    expect(data.order.id).toBe(cancelledOrder.data.order.id);
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_123');
  });

  it('forward signal and headers to the request', async () => {
    const controller = new AbortController();
    const { fungies, requests } = createTestFungies(() => json(cancelledOrder));
    await fungies.orders.cancel('#ABC123DEF456', undefined, { signal: controller.signal, headers: { 'x-trace': 't-1' } });
    expect(requests[0]?.headers.get('x-trace')).toBe('t-1');
    controller.abort();
    await expect(fungies.orders.cancel('#ABC123DEF456', undefined, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('take every per-request option the path style takes, maxResponseBytes included', async () => {
    const { fungies } = createTestFungies(() => json(cancelledOrder));
    await expect(fungies.orders.get('#ABC123DEF456')).resolves.toBeDefined();
    await expect(fungies.orders.get('#ABC123DEF456', { maxResponseBytes: 16 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('reject an unknown request option by name instead of ignoring it', () => {
    const { fungies } = createTestFungies(() => json(cancelledOrder));
    expect(() => fungies.orders.get('#ABC123DEF456', { timeot: 5 } as never)).toThrow(FungiesConfigError);
    expect(() => fungies.orders.get('#ABC123DEF456', { timeot: 5 } as never)).toThrow(/timeot/);
  });
});

describe('list methods', () => {
  it('iterate every item across pages with for await', async () => {
    const all = [order(1), order(2), order(3)];
    const { fungies, requests } = createTestFungies((request) => {
      const url = new URL(request.url);
      const skip = Number(url.searchParams.get('skip'));
      const take = Number(url.searchParams.get('take'));
      return json({ status: 'success', data: { orders: all.slice(skip, skip + take), count: all.length } });
    });
    const ids: string[] = [];
    for await (const o of fungies.orders.list({ statuses: ['PAID'], take: 2 })) ids.push(o.id);
    expect(ids).toEqual(all.map((o) => o.id));
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => new URL(r.url).searchParams.get('statuses') === 'PAID')).toBe(true);
  });

  it('send nothing until awaited or iterated', async () => {
    const { fungies, requests } = createTestFungies(() => json({ status: 'success', data: { orders: [], count: 0 } }));
    const pending = fungies.orders.list();
    await new Promise((r) => setTimeout(r, 10));
    expect(requests).toHaveLength(0);
    expect((await pending).orders).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('iterate a list under a resource (page/limit) with the path parameter', async () => {
    const { fungies, requests } = createTestFungies(() =>
      json({ status: 'success', data: { inventory: [{ id: 'i1' }], count: 1, pages: 1 } }),
    );
    const items: unknown[] = [];
    for await (const item of fungies.users.inventory(P)) items.push(item);
    expect(items).toHaveLength(1);
    expect(new URL(requests[0]!.url).pathname).toBe(`/v0/users/${P}/inventory`);
  });
});

describe('withResponse requestId', () => {
  it.each([
    [{ 'x-request-id': 'a1' }, 'a1'],
    [{ 'request-id': 'b2' }, 'b2'],
    [{}, undefined],
  ])('headers %o give %s', async (headers, want) => {
    const { fungies } = createTestFungies(() => json(cancelledOrder, 200, headers));
    expect((await fungies.orders.get('#ABC123DEF456').withResponse()).requestId).toBe(want);
  });
});

describe('arguments of the wrong kind fail before anything is sent, naming the argument', () => {
  const call = (run: (f: ReturnType<typeof createTestFungies>['fungies']) => unknown) => {
    const { fungies, requests } = createTestFungies(() => json(cancelledOrder));
    return { result: Promise.resolve().then(() => run(fungies)), requests };
  };

  it('a missing id names the argument and the method', async () => {
    const { result, requests } = call((f) => (f.orders.get as (...a: unknown[]) => unknown)());
    await expect(result).rejects.toThrow(
      new InvalidParameterError(
        'GetV0OrdersOrderIdOrNumber',
        'path.orderIdOrNumber',
        'orders.get(orderIdOrNumber): argument 1, orderIdOrNumber, must be a string; got undefined',
      ),
    );
    expect(requests).toHaveLength(0);
  });

  it('a query that is not an object', async () => {
    const { result, requests } = call((f) => (f.orders.list as (...a: unknown[]) => PromiseLike<unknown>)('PAID').then());
    await expect(result).rejects.toThrow(
      new InvalidParameterError('GetV0OrdersList', 'query', 'orders.list(query): query must be an object of query parameters; got string'),
    );
    expect(requests).toHaveLength(0);
  });

  it('a body that is not an object', async () => {
    const { result, requests } = call((f) => (f.orders.cancel as (...a: unknown[]) => unknown)('#ABC123DEF456', 'now'));
    await expect(result).rejects.toThrow(
      new InvalidParameterError(
        'PatchV0OrdersOrderIdOrNumberCancel',
        'body',
        'orders.cancel(orderIdOrNumber, body): body must be an object; got string',
      ),
    );
    expect(requests).toHaveLength(0);
  });
});
