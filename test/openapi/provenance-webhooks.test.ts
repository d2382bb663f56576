// openapi/PROVENANCE.md has one row per webhook event of the spec, naming its body schema and its sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listWebhookEvents } from '../../contract-tests/spec/webhook-events.js';
import { SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';

const spec = parse(readFileSync('openapi/api-docs.yaml', 'utf8')) as Record<string, unknown>;
const text = readFileSync('openapi/PROVENANCE.md', 'utf8');
const section = text.slice(text.indexOf('## Webhook events'));
const rows = section
  .split('\n')
  .filter((line) => /^\| [a-z][a-z0-9_.]* \|/.test(line) && !line.startsWith('| event |'))
  .map((line) => line.slice(2, -2).split(' | '));

describe('openapi/PROVENANCE.md webhook events', () => {
  const events = listWebhookEvents(spec);

  it('has exactly one row per webhook event, in spec order', () => {
    expect(rows.map((r) => r[0])).toEqual(events.map((e) => e.type));
  });

  it('names the body schema the spec uses, its sources and a confidence', () => {
    for (const row of rows) {
      const event = events.find((e) => e.type === row[0]);
      expect(row, row[0]).toHaveLength(6);
      expect(event?.schema, row[0]).toEqual({ $ref: `${SPEC_DOCUMENT_ID}#/components/schemas/${row[1]}` });
      expect(row[2], row[0]).toMatch(/https:\/\/(docs|help)\.fungies\.io\//);
      expect(['official', 'high', 'medium', 'low'], row[0]).toContain(row[5]);
    }
  });
});
