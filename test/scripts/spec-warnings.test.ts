// Spec warnings: a default or an example that its own schema rejects, with line and pointer.
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../contract-tests/spec/spec-file.js';
import { formatWarnings, specWarnings } from '../../scripts/lib/spec-warnings.js';

const spec = (schemas: string, media = '') =>
  parseSpecText(
    `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /x:
    get:
      operationId: GetX
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Body' }
${media}
components:
  schemas:
${schemas}`,
    'spec.yaml',
  );

describe('specWarnings', () => {
  it('warns about a default its own schema rejects, with line and pointer (the currency case)', () => {
    const s = spec(`    Body:
      type: object
      properties:
        currency:
          type: [string, 'null']
          enum: [EUR, USD]
          default: null`);
    const warnings = specWarnings(s);
    expect(warnings.map((w) => [w.pointer, w.line])).toEqual([['/components/schemas/Body/properties/currency/default', 22]]);
    expect(formatWarnings('spec.yaml', warnings)).toContain(
      'default null fails its own schema: must be equal to one of the allowed values',
    );
  });

  it('warns about a media type example that fails the response schema', () => {
    const s = spec(
      `    Body:
      type: object
      required: [status]
      properties: { status: { const: success } }`,
      `              examples:
                example1:
                  value: { status: error }`,
    );
    expect(specWarnings(s).map((w) => w.pointer)).toEqual([
      '/paths/~1x/get/responses/200/content/application~1json/examples/example1/value',
    ]);
  });

  it('is silent when every default and example fits', () => {
    expect(specWarnings(spec(`    Body: { type: integer, default: 0, examples: [1, 2] }`))).toEqual([]);
  });
});
