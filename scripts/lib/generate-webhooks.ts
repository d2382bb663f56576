/**
 * Emits generated/webhooks.ts from the spec's `webhooks:` section (OpenAPI 3.1): each event's type,
 * summary and body schema, so verifyWebhook narrows and validates events from the spec alone.
 */

import { isPlainObject } from '../../src/plain-object.js';
import { absoluteRefs, deref, type Json, type JsonObject } from './openapi-walk.js';

/** One event as the generator reads it; exported for the generator's tests. */
export interface WebhookEventEntry {
  /** The value of the body's `type` (its schema's `const`), which is what a receiver switches on. */
  type: string;
  /** The key under `webhooks:`. */
  key: string;
  summary: string;
  /** The JSON body schema with refs made absolute (`SPEC_DOCUMENT_ID#/components/…`). */
  schema: Json;
}

export function listWebhookEvents(doc: Record<string, unknown>): WebhookEventEntry[] {
  const webhooks = isPlainObject(doc['webhooks']) ? doc['webhooks'] : {};
  const events: WebhookEventEntry[] = [];
  for (const [key, item] of Object.entries(webhooks)) {
    const post = isPlainObject(item) && isPlainObject(item['post']) ? item['post'] : undefined;
    const body = post ? deref(doc, post['requestBody']) : undefined;
    const media = isPlainObject(body) && isPlainObject(body['content']) ? body['content']['application/json'] : undefined;
    const schema = isPlainObject(media) ? media['schema'] : undefined;
    const typeSchema = deref(doc, (deref(doc, schema) as JsonObject | undefined)?.['properties']);
    const constType =
      isPlainObject(typeSchema) && isPlainObject(deref(doc, typeSchema['type']))
        ? (deref(doc, typeSchema['type']) as JsonObject)['const']
        : undefined;
    if (schema === undefined) throw new Error(`webhooks.${key}: no "post" with an application/json request body schema`);
    if (typeof constType !== 'string') {
      throw new Error(`webhooks.${key}: the body schema needs "properties.type.const" (the event name receivers switch on)`);
    }
    if (events.some((e) => e.type === constType)) throw new Error(`webhooks.${key}: event type "${constType}" is declared twice`);
    events.push({
      type: constType,
      key,
      summary: typeof post?.['summary'] === 'string' ? post['summary'] : '',
      schema: absoluteRefs(schema),
    });
  }
  return events;
}

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
