// spec:update's diff: the fixture spec pairs give exactly the expected changes, each judged for senders and for readers.
import { describe, expect, it } from 'vitest';
import { readSpecFile } from '../../../contract-tests/spec/spec-file.js';
import { CHANGE_KINDS, type Change } from '../../../scripts/lib/spec-update/changes.js';
import { classify, RULES, verdict } from '../../../scripts/lib/spec-update/classify.js';
import { diffSpecs } from '../../../scripts/lib/spec-update/diff.js';

const FIXTURES = 'test/scripts/spec-update/fixtures';
const load = async (name: string) => (await readSpecFile(`${FIXTURES}/${name}.yaml`)).doc;
const changesBetween = async (from: string, to: string) => classify(diffSpecs(await load(from), await load(to)));
const line = (c: Change) => `${c.severity} ${c.kind} @ ${c.where}${c.field ? ` ${c.field}` : ''}`;

/** v0.3.5 is the vendor's cancel-order file; every other file is a hand-made next version of it. */
const PAIRS: [from: string, to: string, expected: string[]][] = [
  [
    'v0.3.5',
    'v0.3.6-safe',
    [
      'safe parameter-added @ query parameter notify',
      'safe field-added @ request body comment',
      'safe field-added @ request body reason',
      'safe field-added @ response 200 data.order.note',
      'safe response-added @ response 404',
    ],
  ],
  [
    'v0.3.6-safe',
    'v0.3.5',
    [
      'breaking parameter-removed @ query parameter notify',
      'breaking field-removed @ request body comment',
      'breaking field-removed @ request body reason',
      'breaking field-removed @ response 200 data.order.note',
      'safe error-response-removed @ response 404',
    ],
  ],
  [
    'v0.3.6-safe',
    'v0.4.0-request',
    [
      'safe format-removed @ path parameter orderIdOrNumber oneOf #1',
      'breaking pattern-changed @ path parameter orderIdOrNumber oneOf #2',
      'breaking parameter-now-required @ query parameter notify',
      'safe type-widened @ query parameter notify',
      'breaking parameter-added-required @ query parameter confirm',
      'breaking request-body-now-required @ request body',
      'breaking type-changed @ request body comment',
      'breaking field-now-required @ request body reason',
      'safe enum-value-added @ request body reason',
      'breaking enum-value-removed @ request body reason',
      'breaking field-added-required @ request body confirmedBy',
    ],
  ],
  [
    'v0.4.0-request',
    'v0.3.6-safe',
    [
      'breaking format-added @ path parameter orderIdOrNumber oneOf #1',
      'breaking pattern-changed @ path parameter orderIdOrNumber oneOf #2',
      'safe parameter-now-optional @ query parameter notify',
      'breaking type-narrowed @ query parameter notify',
      'breaking parameter-removed @ query parameter confirm',
      'safe request-body-now-optional @ request body',
      'breaking type-changed @ request body comment',
      'safe field-now-optional @ request body reason',
      'safe enum-value-added @ request body reason',
      'breaking enum-value-removed @ request body reason',
      'breaking field-removed @ request body confirmedBy',
    ],
  ],
  [
    'v0.3.5',
    'v0.4.0-response',
    [
      'breaking type-widened @ response 200 data.order.object',
      'breaking format-removed @ response 200 data.order.id',
      'breaking field-now-optional @ response 200 data.order.number',
      'breaking enum-value-added @ response 200 data.order.status',
      'breaking enum-value-removed @ response 200 data.order.status',
      'breaking format-changed @ response 200 data.order.tax',
      'breaking field-removed @ response 200 data.order.country',
      'breaking enum-removed @ response 200 data.order.currency',
      'safe enum-added @ response 200 data.order.currencyDecimals',
      'safe field-now-required @ response 200 data.order.userId',
      'safe type-narrowed @ response 200 data.order.user.username',
      'safe pattern-added @ response 200 data.order.user.username',
      'safe format-added @ response 200 data.order.lastPaymentNumber',
      'breaking pattern-removed @ response 200 data.order.lastPaymentNumber',
      'safe field-added-required @ response 200 data.order.updatedAt',
      'safe error-response-removed @ response 400',
    ],
  ],
  [
    'v0.3.5',
    'v0.4.0-operations',
    ['safe operation-added @ operation', 'breaking operation-renamed @ operation', 'safe security-loosened @ security'],
  ],
  [
    'v0.4.0-operations',
    'v0.3.5',
    ['breaking operation-removed @ operation', 'breaking operation-renamed @ operation', 'breaking security-tightened @ security'],
  ],
  [
    'v0.3.5',
    'v0.4.0-transport',
    [
      'safe variant-added @ path parameter orderIdOrNumber',
      'breaking content-type-removed @ request body',
      'safe content-type-added @ request body',
      'breaking success-response-removed @ response 200',
      'safe response-added @ response 201',
      'breaking security-scheme-changed @ security',
    ],
  ],
  [
    'v0.4.0-transport',
    'v0.3.5',
    [
      'breaking variant-removed @ path parameter orderIdOrNumber',
      'breaking content-type-removed @ request body',
      'safe content-type-added @ request body',
      'breaking success-response-removed @ response 201',
      'safe response-added @ response 200',
      'breaking security-scheme-changed @ security',
    ],
  ],
  ['v0.3.5', 'v0.4.0-no-body', ['breaking request-body-removed @ request body']],
  ['v0.4.0-no-body', 'v0.3.5', ['safe request-body-added @ request body']],
  ['v0.4.0-no-body', 'v0.4.1-body-required', ['breaking request-body-added-required @ request body']],
  ['v0.4.1-body-required', 'v0.3.5', ['safe request-body-now-optional @ request body']],
  [
    'v0.4.0-limits',
    'v0.4.1-limits',
    [
      'breaking limit-tightened @ query parameter limit',
      'breaking limit-tightened @ request body amount',
      'breaking limit-tightened @ request body amount',
      'safe limit-loosened @ request body price',
      'breaking limit-tightened @ request body price',
      'safe limit-loosened @ request body comment',
      'safe limit-loosened @ request body comment',
      'breaking limit-tightened @ request body tags',
      'breaking limit-tightened @ request body tags',
      'breaking limit-tightened @ request body tags[]',
      'breaking limit-changed @ request body step',
      'safe limit-tightened @ response 200 data.order.value',
      'breaking limit-loosened @ response 200 data.order.totalItems',
      'safe limit-tightened @ response 200 data.order.createdAt',
      'safe limit-tightened @ response 200 data.order.orderNumber',
    ],
  ],
  [
    'v0.4.1-limits',
    'v0.4.0-limits',
    [
      'safe limit-loosened @ query parameter limit',
      'safe limit-loosened @ request body amount',
      'safe limit-loosened @ request body amount',
      'breaking limit-tightened @ request body price',
      'safe limit-loosened @ request body price',
      'breaking limit-tightened @ request body comment',
      'breaking limit-tightened @ request body comment',
      'safe limit-loosened @ request body tags',
      'safe limit-loosened @ request body tags',
      'safe limit-loosened @ request body tags[]',
      'breaking limit-changed @ request body step',
      'breaking limit-loosened @ response 200 data.order.value',
      'safe limit-tightened @ response 200 data.order.totalItems',
      'breaking limit-loosened @ response 200 data.order.createdAt',
      'breaking limit-loosened @ response 200 data.order.orderNumber',
    ],
  ],
  [
    'v0.3.6-safe',
    'v0.4.0-closed',
    [
      'breaking additional-properties-forbidden @ request body',
      'breaking field-now-optional @ response 200 data.order.orderNumber',
      'safe additional-properties-forbidden @ response 200 data.order',
    ],
  ],
  [
    'v0.4.0-closed',
    'v0.3.6-safe',
    [
      'safe additional-properties-allowed @ request body',
      'safe field-now-required @ response 200 data.order.orderNumber',
      'breaking additional-properties-allowed @ response 200 data.order',
    ],
  ],
  [
    'v0.3.6-safe',
    'v0.4.0-headers',
    [
      'safe operation-deprecated @ operation',
      'safe parameter-deprecated @ query parameter notify',
      'safe response-header-added @ response 200 header X-Request-Id',
      'safe response-header-added @ response 400 header Retry-After',
    ],
  ],
  // Taking `deprecated` back is not reported: nothing a caller does stops working.
  [
    'v0.4.0-headers',
    'v0.3.6-safe',
    [
      'breaking response-header-removed @ response 200 header X-Request-Id',
      'breaking response-header-removed @ response 400 header Retry-After',
    ],
  ],
];

/** One field `f` in a request body and in a response, with `before` and `after` as its schema. */
const fieldSpec = (schema: object) => ({
  openapi: '3.1.0',
  paths: {
    '/t': {
      post: {
        operationId: 'T',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { f: schema } } } } },
        responses: {
          '200': { description: '', content: { 'application/json': { schema: { type: 'object', properties: { f: schema } } } } },
        },
      },
    },
  },
});
const LIMITS: [name: string, before: object, after: object, request: string[], response: string[]][] = [
  [
    'a raised minimum',
    { type: 'integer', minimum: 1 },
    { type: 'integer', minimum: 5 },
    ['breaking f: minimum 1 → 5 (tightened)'],
    ['safe f: minimum 1 → 5 (tightened)'],
  ],
  [
    'a lowered maximum',
    { type: 'number', maximum: 10 },
    { type: 'number', maximum: 9.5 },
    ['breaking f: maximum 10 → 9.5 (tightened)'],
    ['safe f: maximum 10 → 9.5 (tightened)'],
  ],
  [
    'a raised maximum',
    { type: 'number', maximum: 10 },
    { type: 'number', maximum: 11 },
    ['safe f: maximum 10 → 11 (loosened)'],
    ['breaking f: maximum 10 → 11 (loosened)'],
  ],
  [
    'an inclusive bound made exclusive',
    { type: 'number', maximum: 10 },
    { type: 'number', exclusiveMaximum: 10 },
    ['breaking f: maximum 10 → exclusiveMaximum 10 (tightened)'],
    ['safe f: maximum 10 → exclusiveMaximum 10 (tightened)'],
  ],
  [
    'the tighter of minimum and exclusiveMinimum counts',
    { type: 'number', minimum: 0, exclusiveMinimum: 2 },
    { type: 'number', minimum: 1 },
    ['safe f: exclusiveMinimum 2 → minimum 1 (loosened)'],
    ['breaking f: exclusiveMinimum 2 → minimum 1 (loosened)'],
  ],
  [
    "OpenAPI 3.0's boolean exclusiveMinimum",
    { type: 'number', minimum: 0 },
    { type: 'number', minimum: 0, exclusiveMinimum: true },
    ['breaking f: minimum 0 → minimum (exclusive) 0 (tightened)'],
    ['safe f: minimum 0 → minimum (exclusive) 0 (tightened)'],
  ],
  [
    'a maxLength added',
    { type: 'string' },
    { type: 'string', maxLength: 64 },
    ['breaking f: maxLength 64 added (tightened)'],
    ['safe f: maxLength 64 added (tightened)'],
  ],
  [
    'a minLength removed',
    { type: 'string', minLength: 3 },
    { type: 'string' },
    ['safe f: minLength 3 removed (loosened)'],
    ['breaking f: minLength 3 removed (loosened)'],
  ],
  ['minLength 0 is the same as none', { type: 'string' }, { type: 'string', minLength: 0 }, [], []],
  [
    'a raised minItems',
    { type: 'array', minItems: 1 },
    { type: 'array', minItems: 2 },
    ['breaking f: minItems 1 → 2 (tightened)'],
    ['safe f: minItems 1 → 2 (tightened)'],
  ],
  [
    'a raised maxItems',
    { type: 'array', maxItems: 5 },
    { type: 'array', maxItems: 50 },
    ['safe f: maxItems 5 → 50 (loosened)'],
    ['breaking f: maxItems 5 → 50 (loosened)'],
  ],
  [
    'multipleOf to a multiple of itself',
    { type: 'number', multipleOf: 0.01 },
    { type: 'number', multipleOf: 0.05 },
    ['breaking f: multipleOf 0.01 → 0.05 (tightened)'],
    ['safe f: multipleOf 0.01 → 0.05 (tightened)'],
  ],
  [
    'multipleOf to a divisor of itself',
    { type: 'integer', multipleOf: 4 },
    { type: 'integer', multipleOf: 2 },
    ['safe f: multipleOf 4 → 2 (loosened)'],
    ['breaking f: multipleOf 4 → 2 (loosened)'],
  ],
  [
    'multipleOf to an unrelated step',
    { type: 'integer', multipleOf: 2 },
    { type: 'integer', multipleOf: 3 },
    ['breaking f: multipleOf 2 → 3'],
    ['breaking f: multipleOf 2 → 3'],
  ],
  ['an unchanged limit', { type: 'integer', minimum: 1, maxLength: 3 }, { type: 'integer', minimum: 1, maxLength: 3 }, [], []],
];

describe('spec:update change classification', () => {
  it.each(PAIRS)('%s → %s: exactly the expected changes, each judged for callers', async (from, to, expected) => {
    expect((await changesBetween(from, to)).map(line)).toEqual(expected);
  });

  it('the fixture pairs produce every kind of change the report knows', async () => {
    const seen = new Set<string>();
    for (const [from, to] of PAIRS) for (const c of await changesBetween(from, to)) seen.add(c.kind);
    expect([...CHANGE_KINDS].filter((k) => !seen.has(k))).toEqual([]);
  });

  it('the same edit is judged by direction: an added enum value is safe to send, breaking to read', () => {
    expect(verdict('enum-value-added', 'request')[0]).toBe('safe');
    expect(verdict('enum-value-added', 'response')[0]).toBe('breaking');
    expect(verdict('field-now-optional', 'request')[0]).toBe('safe');
    expect(verdict('field-now-optional', 'response')[0]).toBe('breaking');
  });

  it('every kind has a verdict with a reason for both directions', () => {
    for (const kind of CHANGE_KINDS) {
      for (const direction of ['request', 'response'] as const) {
        const [severity, reason] = verdict(kind, direction);
        expect(['breaking', 'safe']).toContain(severity);
        expect(reason.length, `${kind} ${direction}`).toBeGreaterThan(10);
      }
    }
    expect(Object.keys(RULES).sort()).toEqual([...CHANGE_KINDS].sort());
  });

  it.each(LIMITS)(
    'limits, %s: tightened is breaking to send and safe to read, loosened the other way round',
    (_name, before, after, request, response) => {
      const changes = classify(diffSpecs(fieldSpec(before), fieldSpec(after)));
      const shown = (direction: string) => changes.filter((c) => c.direction === direction).map((c) => `${c.severity} ${c.detail}`);
      expect(shown('request')).toEqual(request);
      expect(shown('response')).toEqual(response);
    },
  );

  it('only additionalProperties: false closes an object: a schema or true in its place leaves it open', () => {
    const kinds = (before: object, after: object) => diffSpecs(fieldSpec(before), fieldSpec(after)).map((c) => `${c.direction} ${c.kind}`);
    expect(kinds({ type: 'object', additionalProperties: { type: 'string' } }, { type: 'object', additionalProperties: false })).toEqual([
      'request additional-properties-forbidden',
      'response additional-properties-forbidden',
    ]);
    expect(kinds({ type: 'object', additionalProperties: false }, { type: 'object', additionalProperties: true })).toEqual([
      'request additional-properties-allowed',
      'response additional-properties-allowed',
    ]);
    expect(kinds({ type: 'object', additionalProperties: true }, { type: 'object' })).toEqual([]);
  });

  it('response headers match by name in any case, and their schemas are compared like response fields', () => {
    const withHeaders = (headers: object) => ({
      openapi: '3.1.0',
      paths: { '/t': { get: { operationId: 'T', responses: { '200': { description: '', headers } } } } },
    });
    const before = withHeaders({
      'X-RateLimit-Remaining': { schema: { type: 'integer', maximum: 100 } },
      'X-Request-Id': { schema: { type: 'string' } },
    });
    const after = withHeaders({
      'x-ratelimit-remaining': { schema: { type: 'integer', maximum: 1000 } },
      'X-Request-Id': { schema: { type: 'string', format: 'uuid' } },
    });
    expect(classify(diffSpecs(before, after)).map((c) => `${c.severity} ${c.kind}: ${c.detail}`)).toEqual([
      'breaking limit-loosened: response 200 header x-ratelimit-remaining: maximum 100 → 1000 (loosened)',
      'safe format-added: response 200 header X-Request-Id: format uuid added',
    ]);
  });

  it('locates a change by JSON pointer into the resolved response schema, not into a component', async () => {
    const removed = (await changesBetween('v0.3.5', 'v0.4.0-response')).find((c) => c.kind === 'field-removed');
    expect(removed).toMatchObject({
      operation: { operationId: 'PatchV0OrdersOrderIdOrNumberCancel', method: 'PATCH', path: '/v0/orders/{orderIdOrNumber}/cancel' },
      direction: 'response',
      field: 'data.order.country',
      pointer:
        '/paths/~1v0~1orders~1{orderIdOrNumber}~1cancel/patch/responses/200/content/application~1json/schema/properties/data/properties/order/properties/country',
      detail: 'field data.order.country removed',
      reason: 'code that reads it gets undefined',
    });
  });

  it('a component renamed with the same shape is no change (schemas are compared after resolving $ref)', async () => {
    const old = await load('v0.3.5');
    const renamed = JSON.parse(
      JSON.stringify(old)
        .replaceAll('PatchV0OrdersOrderIdOrNumberCancelPositiveResponse', 'Order')
        .replaceAll('PatchV0OrdersOrderIdOrNumberCancelRequestBody', 'CancelBody'),
    ) as Record<string, unknown>;
    expect(diffSpecs(old, renamed)).toEqual([]);
  });

  it('an unchanged spec has no changes, and recursive schemas end', async () => {
    const old = await load('v0.3.5');
    expect(diffSpecs(old, structuredClone(old))).toEqual([]);
    const recursive = (extra: object) => ({
      openapi: '3.1.0',
      paths: {
        '/t': {
          get: {
            operationId: 'T',
            responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
          },
        },
      },
      components: { schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' }, ...extra } } } },
    });
    expect(diffSpecs(recursive({}), recursive({ name: { type: 'string' } })).map((c) => `${c.kind} ${c.field}`)).toEqual([
      'field-added name',
    ]);
  });
});
