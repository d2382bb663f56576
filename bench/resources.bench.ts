/**
 * What the resource layer adds on top of the path style, per call, with an in-memory fetch so only
 * this package's code is measured. Read the result as a ratio (see BENCHMARKS.md).
 */
import { bench, describe } from 'vitest';
import { createFungies, unwrap } from '../src/index.js';

const body = JSON.stringify({
  status: 'success',
  data: { order: { object: 'order', id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', number: '#ABC123DEF456', status: 'CANCELLED', createdAt: 1700000000000, orderNumber: '#ABC123DEF456' } },
});
const fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
const fungies = createFungies({ publicKey: 'pub_benchKey', secretKey: 'sec_benchKey', baseUrl: 'https://api.test', fetch });

describe('cancel order, one call: resource method vs path style', () => {
  bench('path style: unwrap(fungies.client.PATCH(…))', async () => {
    await unwrap(fungies.client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} }));
  });
  bench('resource method: fungies.orders.cancel(…)', async () => {
    await fungies.orders.cancel('#ABC123DEF456');
  });
});
