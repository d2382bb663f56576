// signWebhook writes the header Fungies sends, so merchants can sign their own test events.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWebhookEventType, signWebhook, verifyWebhook, WEBHOOK_EVENT_TYPES, WEBHOOK_SIGNATURE_HEADER } from '../../../src/index.js';
import { DOCUMENTED_WEBHOOK_EVENT_TYPES } from '../../helpers.js';

describe('signWebhook', () => {
  it('is "sha256_" + the lower-case hex HMAC-SHA256 of the body, keyed with the secret', () => {
    const body = '{"id":"1","type":"payment_success"}';
    expect(signWebhook(body, 's3cret')).toBe(`sha256_${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
    expect(signWebhook(body, 's3cret')).toMatch(/^sha256_[0-9a-f]{64}$/);
    expect(signWebhook(Buffer.from(body), 's3cret')).toBe(signWebhook(body, 's3cret'));
  });

  it('round-trips through verifyWebhook', () => {
    const body = JSON.stringify({ id: 'e', type: 'subscription_cancelled', idempotencyKey: 'k', testMode: true, data: {} });
    expect(verifyWebhook({ body, signature: signWebhook(body, 'k1'), secret: 'k1' }).type).toBe('subscription_cancelled');
  });

  it('names the header and the seven documented event types', () => {
    expect(WEBHOOK_SIGNATURE_HEADER).toBe('x-fngs-signature');
    expect(WEBHOOK_EVENT_TYPES).toEqual(DOCUMENTED_WEBHOOK_EVENT_TYPES);
    expect([isWebhookEventType('payment_failed'), isWebhookEventType('order.paid'), isWebhookEventType('toString')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
