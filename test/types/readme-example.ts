// The README's first example, compiled by `npm run typecheck`; test/scripts/readme.test.ts keeps the two identical.
import { createFungiesClient, unwrap, FungiesApiError } from '../../src/index.js';

const fungies = createFungiesClient({
  publicKey: process.env.FUNGIES_PUBLIC_KEY!, // pub_…
  secretKey: process.env.FUNGIES_SECRET_KEY,  // sec_…, needed for writes only
});

// openapi-fetch style: { data, error, response }, all typed from the spec
const { data, error } = await fungies.PATCH('/v0/orders/{orderIdOrNumber}/cancel', {
  params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, // '#' is encoded for you
  body: {},
});

// or throwing style: 2xx data, or a FungiesApiError subclass (status, apiMessage, operationId…)
try {
  const { data: { order } } = await unwrap(fungies.GET('/v0/orders/{orderIdOrNumber}', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } } }));
  console.log(order.status);
} catch (err) {
  if (err instanceof FungiesApiError) console.error(err.status, err.apiMessage);
  else throw err;
}
export {};
