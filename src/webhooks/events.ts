/** The webhook event types, from the spec's `webhooks:` section: one union, narrowed by `type`. */
import { type WebhookEventMap, type WebhookEventType, webhookEvents } from '../../generated/webhooks.js';

export type { WebhookEventMap, WebhookEventType };

/**
 * Every event the spec documents, discriminated by `type`. Fungies may add types at any time:
 * verifyWebhook returns those too, so a `switch (event.type)` needs a `default` branch.
 */
export type WebhookEvent = WebhookEventMap[WebhookEventType];

/** The body of one event type, e.g. `WebhookEventOf<'payment_success'>`. */
export type WebhookEventOf<T extends WebhookEventType> = WebhookEventMap[T];

/** The event types the spec documents, in spec order. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.freeze(Object.keys(webhookEvents) as WebhookEventType[]);

/** Whether `type` is an event type the spec documents. */
export function isWebhookEventType(type: unknown): type is WebhookEventType {
  return typeof type === 'string' && Object.hasOwn(webhookEvents, type);
}

/** The body schema of a documented event type (a `$ref` into the spec). */
export function webhookEventSchema(type: WebhookEventType): unknown {
  return webhookEvents[type].schema;
}
