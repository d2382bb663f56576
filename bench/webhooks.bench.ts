/**
 * What verifyWebhook costs per delivery against the bare HMAC + JSON.parse a hand-written handler
 * does, with the vendor's payment_refunded example (~1.6 kB). Read the results as ratios.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { signWebhook, verifyWebhook } from '../src/index.js';

const secret = 'bench-webhook-secret';
const body = readFileSync('openapi/docs-examples/webhooks/payment_refunded.docs-example.json');
const signature = signWebhook(body, secret);

describe('verify one payment_refunded delivery', () => {
  bench('bare HMAC + timingSafeEqual + JSON.parse', () => {
    const expected = Buffer.from(`sha256_${createHmac('sha256', secret).update(body).digest('hex')}`);
    if (!timingSafeEqual(expected, Buffer.from(signature))) throw new Error('mismatch');
    JSON.parse(body.toString('utf8'));
  });
  bench('verifyWebhook', () => {
    verifyWebhook({ body, signature, secret });
  });
  bench('verifyWebhook, validate: true', () => {
    verifyWebhook({ body, signature, secret, validate: true });
  });
});
