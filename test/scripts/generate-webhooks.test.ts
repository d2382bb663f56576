// The webhook part of the generator: events keyed by the `type` their body carries, refs made absolute.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listWebhookEvents } from '../../contract-tests/spec/webhook-events.js';
import { SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';
import { generateValidatorFiles, WEBHOOK_VALIDATORS_MODULE } from '../../scripts/lib/generate-validators.js';
import { webhooksModule } from '../../scripts/lib/generate-webhooks.js';
import { DOCUMENTED_WEBHOOK_EVENT_TYPES } from '../helpers.js';

const spec = parse(readFileSync('openapi/api-docs.yaml', 'utf8')) as Record<string, unknown>;
const event = (typeSchema: unknown) => ({
  webhooks: {
    thing: {
      post: {
        summary: 'A thing',
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { type: typeSchema, data: { $ref: '#/components/schemas/D' } } } },
          },
        },
      },
    },
  },
  components: { schemas: { D: { type: 'object' } } },
});

describe('listWebhookEvents', () => {
  it("lists the spec's seven events by the type their body carries", () => {
    expect(listWebhookEvents(spec).map((e) => e.type)).toEqual(DOCUMENTED_WEBHOOK_EVENT_TYPES);
  });

  it('takes the type from the body schema, not the key, and makes inline refs absolute', () => {
    const [entry] = listWebhookEvents(event({ type: 'string', const: 'thing.done' }));
    expect(entry).toEqual({
      type: 'thing.done',
      key: 'thing',
      summary: 'A thing',
      schema: {
        type: 'object',
        properties: { type: { type: 'string', const: 'thing.done' }, data: { $ref: `${SPEC_DOCUMENT_ID}#/components/schemas/D` } },
      },
    });
  });

  it('names the webhook and the fix when the body has no type const', () => {
    expect(() => listWebhookEvents(event({ type: 'string' }))).toThrow('webhooks.thing: the body schema needs "properties.type.const"');
    expect(() => listWebhookEvents({ webhooks: { thing: { post: {} } } })).toThrow(
      'webhooks.thing: no "post" with an application/json request body schema',
    );
  });

  it('emits an empty map for a spec without webhooks', () => {
    expect(webhooksModule({})).toContain('export const webhookEvents = {} as const;');
  });
});

// Generating every validator of the spec takes seconds.
describe('webhook validators', { timeout: 30_000 }, () => {
  it('are keyed by the type the body carries, which is what verifyWebhook looks them up by, not by the webhooks: key', () => {
    const thing = event({ type: 'string', const: 'thing.done' });
    const components = spec['components'] as { schemas: Record<string, unknown> };
    const doc = {
      ...spec,
      webhooks: thing.webhooks,
      components: { ...components, schemas: { ...components.schemas, ...thing.components.schemas } },
    };
    const text = generateValidatorFiles(doc, '').get(`${WEBHOOK_VALIDATORS_MODULE}.cjs`) ?? '';
    expect(text).toMatch(/return \{ "thing\.done": webhooks_w0 \};/);
  });
});
