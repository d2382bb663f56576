/**
 * What the client adds on top of bare openapi-fetch, per call, with an in-memory fetch so only
 * client code is measured. Read the results as ratios (see BENCHMARKS.md), not absolute numbers.
 */
import createClient from 'openapi-fetch';
import { bench, describe } from 'vitest';
import type { paths } from '../generated/api.js';
import { createFungiesClient } from '../src/index.js';
import { validateAgainst } from '../src/validation/validators.js';
import { operations } from '../generated/operations.js';

const body = JSON.stringify({
  status: 'success',
  data: { order: { object: 'order', id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', number: '#ABC123DEF456', status: 'CANCELLED', createdAt: 1700000000000, orderNumber: '#ABC123DEF456' } },
});
const fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
const init = { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} } as const;

const bare = createClient<paths>({ baseUrl: 'https://api.test', fetch });
const fungies = createFungiesClient({ publicKey: 'pub_benchKey', secretKey: 'sec_benchKey', baseUrl: 'https://api.test', fetch });

describe('cancel order, one call', () => {
  bench('bare openapi-fetch', async () => {
    await bare.PATCH('/v0/orders/{orderIdOrNumber}/cancel', init);
  });
  bench('fungies client (auth, id check, JSON check, retry wrapper)', async () => {
    await fungies.PATCH('/v0/orders/{orderIdOrNumber}/cancel', init);
  });
});

const schema = operations.PatchV0OrdersOrderIdOrNumberCancel.responses['200'].content['application/json'].schema;
const parsed = JSON.parse(body) as unknown;
validateAgainst(schema, parsed);

describe('response body handling', () => {
  bench('JSON.parse of the body', () => {
    JSON.parse(body);
  });
  bench('Ajv validation of the parsed body (compiled once)', () => {
    validateAgainst(schema, parsed);
  });
});
