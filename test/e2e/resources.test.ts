// Resource methods against a Prism mock of the spec: data, per-request headers, for await over a cursor list.
import { describe, expect, it } from 'vitest';
import { BadRequestError, createFungies, isOrderNumber, type Subscription } from '../../src/index.js';
import { usePrism } from './use-prism.js';

const prism = usePrism();

describe('resource methods against a Prism mock of the spec', () => {
  const fungies = () => createFungies({ publicKey: 'pub_e2eTestKey', secretKey: 'sec_e2eTestKey', baseUrl: prism.url });

  it('cancels an order and returns the data, with the response on request', async () => {
    const { data, response } = await fungies().orders.cancel('#ABC123DEF456').withResponse();
    expect(response.status).toBe(200);
    expect(isOrderNumber(data.order.number)).toBe(true);
  });

  it('passes per-request headers: Prism answers the documented 400, thrown as BadRequestError', async () => {
    await expect(fungies().orders.cancel('#ABC123DEF456', {}, { headers: { Prefer: 'code=400' } })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('iterates a cursor list with for await, with requests Prism accepts', async () => {
    const seen: Subscription[] = [];
    for await (const subscription of fungies().subscriptions.list({ status: 'active', take: 2 })) {
      seen.push(subscription);
      if (seen.length >= 5) break;
    }
    expect(seen.length).toBeGreaterThan(0);
  });
});
