// derefSchema follows the local refs ('#/components/…') nested inside the registered spec document.
import { describe, expect, it } from 'vitest';
import { SPEC_DOCUMENT_ID } from '../../../contract-tests/validation/spec-document.js';
import { derefSchema, resolveSchemaRef } from '../../../contract-tests/validation/validators.js';

describe('refs nested inside the spec document', () => {
  it('resolve against the same document', () => {
    const event = derefSchema({ $ref: `${SPEC_DOCUMENT_ID}#/components/schemas/WebhookEventPaymentSuccess` });
    const data = (event?.['properties'] as Record<string, unknown> | undefined)?.['data'];
    expect(data).toEqual({ $ref: '#/components/schemas/WebhookEventPaymentSuccessData' });
    expect(derefSchema(data)?.['required']).toEqual(['items', 'order', 'customer']);
  });

  it('other documents stay unresolved', () => {
    expect(resolveSchemaRef('urn:elsewhere#/components/schemas/WebhookEventUser')).toBeUndefined();
  });
});
