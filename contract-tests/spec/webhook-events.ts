/** The events of a spec's `webhooks:` section as the generator and the trust rules read them. */

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
