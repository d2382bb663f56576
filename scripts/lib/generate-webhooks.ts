/**
 * Emits generated/webhooks.ts from the spec's `webhooks:` section (OpenAPI 3.1): each event's type,
 * summary and body schema, so verifyWebhook narrows and validates events from the spec alone.
 */

import { listWebhookEvents } from '../../contract-tests/spec/webhook-events.js';

export function webhooksModule(doc: Record<string, unknown>): string {
  const events = listWebhookEvents(doc);
  const meta = Object.fromEntries(events.map((e) => [e.type, { summary: e.summary, schema: e.schema }]));
  const body = (key: string) => `NonNullable<webhooks[${JSON.stringify(key)}]['post']['requestBody']>['content']['application/json']`;
  return [
    events.length > 0 ? `import type { webhooks } from './api.js';\n` : '',
    "/** The events of the spec's `webhooks:` section, by the `type` their body carries. */",
    `export const webhookEvents = ${JSON.stringify(meta, null, 2)} as const;`,
    '',
    '/** An event type the spec documents. */',
    'export type WebhookEventType = keyof typeof webhookEvents;',
    '',
    "/** Each event's body type, by event type. */",
    'export interface WebhookEventMap {',
    ...events.map((e) => `  ${JSON.stringify(e.type)}: ${body(e.key)};`),
    '}',
    '',
  ].join('\n');
}
