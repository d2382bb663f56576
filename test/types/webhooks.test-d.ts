// Webhook events are typed by the spec: the union narrows by type, and verification takes the raw body.
import { describe, expectTypeOf, it } from 'vitest';
import { type components, verifyWebhook, type WebhookEvent, type WebhookEventOf } from '../../src/index.js';

type Schemas = components['schemas'];

describe('webhook events are typed by the spec', () => {
  it('narrows the union by type', () => {
    const event = verifyWebhook({ body: '', signature: '', secret: 's' });
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    switch (event.type) {
      case 'payment_success':
        expectTypeOf(event).toEqualTypeOf<Schemas['WebhookEventPaymentSuccess']>();
        expectTypeOf(event.data.customer).toEqualTypeOf<Schemas['WebhookEventUser']>();
        break;
      case 'payment_refunded':
        expectTypeOf(event.data.payment).toEqualTypeOf<Schemas['WebhookEventPaymentObject']>();
        break;
      case 'subscription_created':
        expectTypeOf(event.data.subscription.cancelAtIntervalEnd).toEqualTypeOf<boolean | undefined>();
        break;
      default:
        expectTypeOf(event.type).toEqualTypeOf<
          'payment_failed' | 'subscription_interval' | 'subscription_updated' | 'subscription_cancelled'
        >();
    }
  });

  it('names one event by its type', () => {
    expectTypeOf<WebhookEventOf<'subscription_cancelled'>>().toEqualTypeOf<Schemas['WebhookEventSubscriptionCancelled']>();
    // @ts-expect-error — the dotted spelling of an older overview page is not an event type
    expectTypeOf<WebhookEventOf<'order.paid'>>().toBeObject();
  });

  it('takes the raw body, not a parsed object', () => {
    // @ts-expect-error — a parsed body cannot be verified
    verifyWebhook({ body: { type: 'payment_success' }, signature: '', secret: 's' });
  });

  it('refuses to narrow to a type the union does not have', () => {
    const event = {} as WebhookEvent;
    // @ts-expect-error — payment_refund (setup page spelling) is not an event type
    if (event.type === 'payment_refund') return;
  });
});
