import { describe, expect, it } from 'vitest';
import { ajvFindings } from '../../../contract-tests/engine/ajv-findings.js';
import { finding, findingContext } from '../../../contract-tests/engine/finding.js';
import { sampleFor } from '../../../contract-tests/engine/schema-sample.js';
import { selectOperations } from '../../../contract-tests/engine/select.js';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { listOperations } from '../../../src/operations.js';

const ctx = { operationId: 'Op', method: 'GET', path: '/x', status: 200 };
const findings = (schema: object, value: unknown) =>
  ajvFindings(validateAgainst(schema, value), ctx).map((f) => [f.pointer, f.rule, f.kind]);

describe('one root cause, one finding', () => {
  const variants = {
    type: 'object',
    properties: {
      item: {
        oneOf: [
          { type: 'object', properties: { kind: { const: 'a' }, size: { type: 'integer' } }, required: ['kind'] },
          { type: 'object', properties: { kind: { const: 'b' } }, required: ['kind'] },
          { type: 'null' },
        ],
      },
    },
  };

  it('reports the errors of the one plausible oneOf branch instead of every branch', () => {
    expect(findings(variants, { item: { kind: 'a', size: 'big' } })).toEqual([['/item/size', 'type', 'response']]);
  });

  it('reports the oneOf itself when no branch stands out', () => {
    const id = {
      oneOf: [
        { type: 'string', format: 'uuid' },
        { type: 'string', pattern: '^#?[0-9A-Za-z]{12,32}$' },
      ],
    };
    const [f] = ajvFindings(validateAgainst(id, 'nope'), ctx);
    expect([f?.pointer, f?.rule, f?.expected]).toEqual([
      '',
      'oneOf',
      'exactly one of: string, format uuid | string, pattern ^#?[0-9A-Za-z]{12,32}$',
    ]);
  });

  it('keeps the type error when enum and format also fail on the same value', () => {
    expect(findings({ type: ['string', 'null'], format: 'uuid', enum: ['a'] }, 5)).toEqual([['', 'type', 'response']]);
  });

  it('gives each missing property its own pointer', () => {
    expect(findings({ type: 'object', required: ['a', 'b'] }, {})).toEqual([
      ['/a', 'required', 'response'],
      ['/b', 'required', 'response'],
    ]);
  });

  it('calls a value a spec defect only when it is the schema’s own rejected default', () => {
    const currency = { type: ['string', 'null'], enum: ['EUR', 'USD'], default: null };
    expect(findings(currency, null)).toEqual([['', 'enum', 'spec-defect']]);
    expect(findings(currency, 'XXX')).toEqual([['', 'enum', 'response']]);
    expect(findings({ type: 'string', enum: ['EUR'], default: 'EUR' }, 'USD')).toEqual([['', 'enum', 'response']]);
  });

  it('never shows a key in the actual value', () => {
    const [f] = ajvFindings(validateAgainst({ type: 'integer' }, 'sec_LeakedSecretKey99'), ctx);
    expect(f?.actual).not.toContain('LeakedSecretKey99');
  });
});

describe('finding()', () => {
  const at = findingContext({ operationId: 'Op', method: 'patch', path: '/x' }, 201);
  const facts = { kind: 'response', pointer: 'status', rule: 'status', expected: '200', actual: '201 Created' } as const;

  it('names the operation as reports do (method upper-cased) and sets the fields in report order', () => {
    expect(JSON.stringify(finding(at, { ...facts, note: 'why' }))).toBe(
      '{"kind":"response","operationId":"Op","method":"PATCH","path":"/x","status":201,"pointer":"status","rule":"status","expected":"200","actual":"201 Created","note":"why"}',
    );
  });

  it('leaves out a note that is not there, and keeps an unknown status as a field JSON drops', () => {
    const f = finding(findingContext({ operationId: 'Op', method: 'get', path: '/x' }, undefined), { ...facts, note: undefined });
    expect(Object.keys(f)).toEqual(['kind', 'operationId', 'method', 'path', 'status', 'pointer', 'rule', 'expected', 'actual']);
    expect(JSON.stringify(f)).not.toContain('status":');
  });
});

describe('request values built from the spec', () => {
  it.each([
    ['an int64 with bounds', { type: 'integer', format: 'int64', minimum: 10, maximum: 9007199254740991 }, 10],
    ['a nullable enum', { type: ['string', 'null'], enum: [null, 'EUR'] }, 'EUR'],
    ['a const', { const: 'success' }, 'success'],
    ['the order-number pattern', { type: 'string', pattern: '^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$' }, '#ABC123DEF456'],
    ['a UUID', { type: 'string', format: 'uuid' }, '3c90c3cc-0d44-4b50-8888-8dd25736052a'],
    [
      'a required array',
      { type: 'object', required: ['ids'], properties: { ids: { type: 'array', items: { type: 'string', format: 'uuid' } } } },
      { ids: ['3c90c3cc-0d44-4b50-8888-8dd25736052a'] },
    ],
  ])('builds %s', (_name, schema, want) => {
    expect(sampleFor(schema)).toEqual(want);
  });

  it('refuses to invent a value it cannot make valid, naming the problem', () => {
    expect(() => sampleFor({ type: 'string', pattern: '^zz[0-9]{40}$' }, 'query parameter "code"')).toThrow(
      /cannot build a valid query parameter "code"/,
    );
  });

  it('builds a valid request for every operation of the spec', () => {
    for (const op of listOperations()) {
      for (const p of op.parameters.filter((x) => x.required)) expect(validateAgainst(p.schema, sampleFor(p.schema))).toEqual([]);
      const body = op.requestBody?.content['application/json']?.schema;
      if (body) expect(validateAgainst(body, sampleFor(body)), op.operationId).toEqual([]);
    }
  });
});

describe('--operation', () => {
  const all = listOperations();
  it.each([
    ['an operationId', 'PatchV0OrdersOrderIdOrNumberCancel', (ids: string[]) => ids.length === 1],
    ['a tag', 'orders', (ids: string[]) => ids.includes('PatchV0OrdersOrderIdOrNumberCancel')],
    ['a glob', '*Cancel', (ids: string[]) => ids.includes('PatchV0OrdersOrderIdOrNumberCancel') && ids.every((i) => i.endsWith('Cancel'))],
    ['a comma list', 'PatchV0OrdersOrderIdOrNumberCancel,nothing-like-this', (ids: string[]) => ids.length === 1],
  ])('selects by %s', (_name, filter, ok) => {
    expect(ok(selectOperations(all, filter).map((o) => o.operationId))).toBe(true);
  });

  it('selects nothing for an unknown name', () => {
    expect(selectOperations(all, 'NoSuchOperation')).toEqual([]);
  });
});
