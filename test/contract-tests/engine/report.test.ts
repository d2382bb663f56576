import { describe, expect, it } from 'vitest';
import { ansiColors, colorsFor, plainColors } from '../../../contract-tests/engine/colors.js';
import { formatJson } from '../../../contract-tests/engine/json-report.js';
import { formatJUnit } from '../../../contract-tests/engine/junit.js';
import { formatCheckBlock, formatReport } from '../../../contract-tests/engine/report.js';
import type { RunData } from '../../../contract-tests/engine/types.js';
import schema from '../../../contract-tests/report.schema.json' with { type: 'json' };
import { createAjv } from '../../../contract-tests/validation/ajv.js';

const op = { operationId: 'PatchV0OrdersOrderIdOrNumberCancel', method: 'PATCH', path: '/v0/orders/{orderIdOrNumber}/cancel' };
const request = {
  method: 'PATCH',
  url: 'http://127.0.0.1:4010/v0/orders/%23ABC123DEF456/cancel',
  headers: { 'content-type': 'application/json', prefer: 'code=200', 'x-fngs-public-key': 'pub_****', 'x-fngs-secret-key': 'sec_****' },
  body: '{}',
};

/** A fixed run: one failing status check (a violation and a spec defect), one passing, one skipped negative. */
const data: RunData = {
  tool: 'fungies-contract',
  spec: { title: 'Fungies API v0', version: '0.3.5' },
  target: { url: 'http://127.0.0.1:4010', kind: 'prism' },
  strict: false,
  allowWrites: false,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1234,
  operations: [
    { ...op, statuses: ['200', '400'] },
    { operationId: 'GetV0OrdersList', method: 'GET', path: '/v0/orders/list', statuses: ['200', '400'] },
  ],
  checks: [
    {
      id: `${op.operationId} 200`,
      kind: 'status',
      ...op,
      tags: ['orders'],
      status: '200',
      outcome: 'failed',
      findings: [
        {
          kind: 'response',
          ...op,
          status: 200,
          pointer: '/data/order/number',
          rule: 'pattern',
          expected: 'a string matching ^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$',
          actual: '"<string>" (string)',
        },
        {
          kind: 'spec-defect',
          ...op,
          status: 200,
          pointer: '/data/order/currency',
          rule: 'enum',
          expected: 'one of "AFN", … (150 values)',
          actual: 'null (null)',
          note: "the schema's own default null fails the schema, so the spec contradicts itself",
        },
      ],
      request,
      response: {
        status: 200,
        statusText: 'OK',
        contentType: 'application/json',
        bodyExcerpt: '{"status":"success","data":{"order":{"number":"<string>"}}}',
      },
      durationMs: 12,
    },
    { id: `${op.operationId} 400`, kind: 'status', ...op, tags: ['orders'], status: '400', outcome: 'passed', findings: [], durationMs: 5 },
    {
      id: 'GetV0OrdersList 200',
      kind: 'status',
      operationId: 'GetV0OrdersList',
      method: 'GET',
      path: '/v0/orders/list',
      tags: ['orders'],
      status: '200',
      outcome: 'passed',
      findings: [],
      durationMs: 5,
    },
    {
      id: 'GetV0OrdersList 400',
      kind: 'status',
      operationId: 'GetV0OrdersList',
      method: 'GET',
      path: '/v0/orders/list',
      tags: ['orders'],
      status: '400',
      outcome: 'skipped',
      reason: 'the server answered 401, not 400',
      findings: [],
      durationMs: 5,
    },
    {
      id: `${op.operationId} auth: no public key`,
      kind: 'auth',
      ...op,
      tags: ['orders'],
      name: 'no public key',
      outcome: 'passed',
      findings: [],
      durationMs: 3,
    },
  ],
};

describe('formatReport', () => {
  it('prints one block per failing operation, the coverage table and the summary', () => {
    expect(formatReport(data, plainColors)).toMatchInlineSnapshot(`
      "___ PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel) ___

      - Documented response 200 (1 violation, 1 spec defect)

          ✘ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /data/order/number: pattern
              expected: a string matching ^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$
              actual:   "<string>" (string)

          ⚠ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /data/order/currency: enum (spec defect)
              expected: one of "AFN", … (150 values)
              actual:   null (null)
              note:     the schema's own default null fails the schema, so the spec contradicts itself

          [200] OK (application/json): {"status":"success","data":{"order":{"number":"<string>"}}}

          Reproduce with:

            curl -X PATCH -H 'content-type: application/json' -H 'prefer: code=200' -H 'x-fngs-public-key: pub_****' -H 'x-fngs-secret-key: sec_****' -d '{}' 'http://127.0.0.1:4010/v0/orders/%23ABC123DEF456/cancel'

      Coverage: 2 operations × documented statuses  (✔ passed  ✘ failed  – skipped  ! passed, spec defect reported)

        operation                           200 400  │ checked  passed  failed skipped
        PatchV0OrdersOrderIdOrNumberCancel  ✘   ✔    │       2       1       1       0
        GetV0OrdersList                     ✔   –    │       1       1       0       1
        total                                        │       3       2       1       1

      Checks
        documented responses         2 passed, 1 failed, 1 skipped
        auth (must reject)           1 passed, 0 failed, 0 skipped
        spec defects                 1 reported, not failing (--strict makes them fail)
        skipped: the server answered 401, not 400

      ✘ 1 of 5 checks failed against http://127.0.0.1:4010 in 1.2 s"
    `);
  });

  it('colours only through the callbacks it is given', () => {
    expect(formatReport(data, plainColors)).not.toContain('\u001b[');
    expect(formatReport(data, ansiColors)).toContain('\u001b[31m✘\u001b[39m');
  });

  it.each([
    ['a TTY', { isTTY: true }, {}, ansiColors],
    ['a TTY with NO_COLOR set', { isTTY: true }, { NO_COLOR: '1' }, plainColors],
    ['a pipe or a file', { isTTY: false }, {}, plainColors],
  ])('uses colours only on a TTY without NO_COLOR: %s', (_name, stream, env, want) => {
    expect(colorsFor(stream, env)).toBe(want);
  });
});

describe('machine-readable reports', () => {
  it('writes JSON that validates against contract-tests/report.schema.json', () => {
    const validate = createAjv().compile(schema);
    expect(validate(JSON.parse(formatJson(data))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a JSON report that carries an unmasked key (the schema pins the masking)', () => {
    const validate = createAjv().compile(schema);
    const leaked = structuredClone(data);
    leaked.checks[0]!.request!.headers['x-fngs-secret-key'] = 'sec_RealSecretKey123';
    expect(validate(leaked)).toBe(false);
  });

  it('writes JUnit with one testsuite per operation, failures and skips counted', () => {
    const xml = formatJUnit(data);
    expect(xml).toContain('<testsuites name="fungies-contract" tests="5" failures="1" skipped="1" time="1.234">');
    expect(xml).toContain('<testsuite name="PatchV0OrdersOrderIdOrNumberCancel" tests="3" failures="1" skipped="0"');
    expect(xml).toContain('<skipped message="the server answered 401, not 400"/>');
    expect(xml).toContain('[200] /data/order/number: pattern');
    expect(xml).toContain('&lt;string&gt;');
  });
});

describe('formatCheckBlock', () => {
  const failed = data.checks[0]!;
  it.each([
    [{ status: 502, statusText: '', contentType: 'text/plain', bodyExcerpt: 'x' }, '    [502] (text/plain): x'],
    [{ status: 502, statusText: '', contentType: null, bodyExcerpt: '' }, '    [502]: (empty body)'],
    [{ status: 200, statusText: 'OK', contentType: null, bodyExcerpt: 'y' }, '    [200] OK: y'],
  ])('prints the response line with one space between its parts (%o)', (response, line) => {
    expect(formatCheckBlock({ ...failed, response }, plainColors).split('\n')).toContain(line);
  });
});
