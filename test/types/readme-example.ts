// The README's first example, compiled by `npm run typecheck`; test/readme.test.ts keeps the two identical.
import { createFungies, FungiesApiError, type Order } from '../../src/index.js';

const fungies = createFungies({
  publicKey: process.env.FUNGIES_PUBLIC_KEY!, // pub_…
  secretKey: process.env.FUNGIES_SECRET_KEY,  // sec_…, needed for writes only
});

// Resource methods: the 2xx data, or a FungiesApiError subclass (status, apiMessage, operationId…)
try {
  const { order } = await fungies.orders.cancel('#ABC123DEF456'); // '#' is encoded for you
  console.log(order.status);
} catch (err) {
  if (err instanceof FungiesApiError) console.error(err.status, err.apiMessage);
  else throw err;
}

// Every item of a list, fetched page by page as you iterate
const paid: Order[] = [];
for await (const order of fungies.orders.list({ statuses: ['PAID'] })) paid.push(order);

// The raw Response and the request id, when you need them
const { data, response, requestId } = await fungies.orders.get('#ABC123DEF456').withResponse();

// The openapi-fetch path style stays available: { data, error, response }, all typed from the spec
const { data: page, error } = await fungies.client.GET('/v0/orders/list', { params: { query: { take: 10 } } });
export {};
