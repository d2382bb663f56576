// The README's webhook handler, compiled by `npm run typecheck` and run by test/src/webhooks/readme-handler.test.ts.
import { createServer } from 'node:http';
import { verifyWebhook, FungiesError } from '../../src/index.js';

const handled = new Set<string>(); // keep this in your database: deliveries can repeat

export const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    if ((size += chunk.length) > 1_000_000) req.destroy(); // events are small
    else chunks.push(chunk);
  });
  req.on('end', () => {
    try {
      const event = verifyWebhook({
        body: Buffer.concat(chunks), // the raw bytes, never JSON.parse + JSON.stringify
        signature: req.headers['x-fngs-signature'],
        secret: process.env.FUNGIES_WEBHOOK_SECRET!,
      });
      res.writeHead(200).end(); // acknowledge first: Fungies retries after 30 s without a 2xx
      if (handled.has(event.idempotencyKey)) return; // at-least-once delivery
      handled.add(event.idempotencyKey);
      switch (event.type) {
        case 'payment_success':
          console.log('fulfil order', event.data.order.id);
          break;
        case 'subscription_cancelled':
          console.log('end access', event.data.subscription.id);
          break;
        default: // other types, including ones Fungies adds later
      }
    } catch (err) {
      res.writeHead(err instanceof FungiesError ? 400 : 500).end(); // 400: not from Fungies
    }
  });
});
