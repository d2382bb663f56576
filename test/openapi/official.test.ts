// The vendor's official cancel-order text stays in the spec byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Doc = {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; securitySchemes: unknown };
} & Record<string, unknown>;
const official = parse(readFileSync('openapi/official/cancel-order.yaml', 'utf8')) as Doc;
const officialText = readFileSync('openapi/official/cancel-order.yaml', 'utf8');
const specText = readFileSync('openapi/api-docs.yaml', 'utf8');
const spec = parse(specText) as Doc;

describe('the official cancel-order text is law', () => {
  it('keeps every official operation exactly as the vendor wrote it', () => {
    for (const [path, item] of Object.entries(official.paths)) expect(spec.paths[path], path).toEqual(item);
  });

  it('keeps every official schema and security scheme exactly', () => {
    for (const [name, schema] of Object.entries(official.components.schemas)) expect(spec.components.schemas[name], name).toEqual(schema);
    expect(spec.components.securitySchemes).toEqual(official.components.securitySchemes);
  });

  it('keeps the official text byte for byte (operation, schemas, header), so a diff against the vendor file stays small', () => {
    const between = (from: string, to: string) => officialText.slice(officialText.indexOf(from), officialText.indexOf(to));
    expect(specText).toContain(between('  /v0/orders/{orderIdOrNumber}/cancel:', 'components:'));
    expect(specText).toContain(between('    PatchV0OrdersOrderIdOrNumberCancelParameterOrderIdOrNumber:', '  securitySchemes:'));
    expect(specText.startsWith(officialText.slice(0, officialText.indexOf('paths:')))).toBe(true);
  });

  it('keeps the document header (openapi, info, servers, security, tags)', () => {
    for (const key of ['openapi', 'info', 'servers', 'security', 'tags']) expect(spec[key], key).toEqual(official[key]);
  });
});
