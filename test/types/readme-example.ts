// The README's first example, compiled by `npm run typecheck`; test/readme.test.ts keeps the two identical.
import { createFungies, FungiesApiError, type Order } from '../../src/index.js';

const fungies = createFungies({
  publicKey: process.env.FUNGIES_PUBLIC_KEY!, // pub_…
  secretKey: process.env.FUNGIES_SECRET_KEY,  // sec_…, needed for writes only
});

// Read: the `data` of the 2xx answer, typed from the spec
const { order } = await fungies.orders.get('#ABC123DEF456'); // '#' is encoded for you
console.log(order.status, order.value, order.currency);

// Write: the body is typed too, and an unknown key does not compile
const { discount } = await fungies.discounts.create({
  type: 'code',
  name: 'Black Friday',
  discountCode: 'BF2026',
  amount: 20,
  amountType: 'percentage',
  validUntil: Date.UTC(2026, 11, 1), // Unix milliseconds
});
console.log(discount.id);

// Errors: a FungiesApiError subclass per status, with the API's own message
try {
  await fungies.orders.cancel(order.id);
} catch (err) {
  if (err instanceof FungiesApiError) console.error(err.status, err.apiMessage);
  else throw err;
}

// Lists: every item, fetched page by page as you iterate
const paid: Order[] = [];
for await (const item of fungies.orders.list({ statuses: ['PAID'] })) paid.push(item);
export {};
