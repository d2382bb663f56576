// The path-style client against a Prism mock of the spec: typed data, documented errors, cursor pages.
import { describe, expect, it } from 'vitest';
import { BadRequestError, createFungiesClient, isOrderNumber, paginate, unwrap } from '../../src/index.js';
import { usePrism } from './use-prism.js';

const prism = usePrism();

describe('against a Prism mock of the spec', () => {
  const client = () => createFungiesClient({ publicKey: 'pub_e2eTestKey', secretKey: 'sec_e2eTestKey', baseUrl: prism.url });

  it('cancels an order through the client and gets typed data back', async () => {
    const data = await unwrap(
      client().PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} }),
    );
    expect(data.status).toBe('success');
    expect(isOrderNumber(data.data.order.number)).toBe(true);
  });

  it('gets the documented 400 as a BadRequestError', async () => {
    const call = client().PATCH('/v0/orders/{orderIdOrNumber}/cancel', {
      params: { path: { orderIdOrNumber: '#ABC123DEF456' } },
      body: {},
      headers: { Prefer: 'code=400' },
    });
    await expect(unwrap(call)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('pages through a cursor list with requests Prism accepts', async () => {
    const seen: unknown[] = [];
    for await (const subscription of paginate(client(), '/v0/subscriptions/list', {
      query: { status: 'active' },
      pageSize: 2,
      maxItems: 5,
    }))
      seen.push(subscription);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(5);
  });
});
