// The lying fixture server: each lie is caught by the check and rule it is meant for, and an honest run finds nothing.
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { planChecks, runCheck } from '../../contract-tests/engine/checks.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import { LIED_OPERATION, type LieName } from '../../contract-tests/fixtures/lying-server.js';
import { findOperation, listOperations } from '../../src/operations.js';
import { liveConfig, useLyingServer } from './helpers.js';

const operation = listOperations().find((op) => op.operationId === LIED_OPERATION)!;
const status200 = planChecks([operation]).find((c) => c.kind === 'status' && c.status === '200')!;

const server = useLyingServer();

describe('the lying fixture server', () => {
  it('is found by its route table (sanity: the lied operation exists in the spec)', () => {
    expect(findOperation(operation.method, operation.path)?.operationId).toBe(LIED_OPERATION);
  });

  it('passes every check of the lied operation when it tells no lie', async () => {
    const results = await runChecks(planChecks([operation]), liveConfig(server.url('honest')));
    expect(results.map((r) => [r.id, r.outcome, r.findings])).toEqual(results.map((r) => [r.id, 'passed', []]));
  });

  const cases: [LieName, { status: number; pointer: string; rule: string }][] = [
    ['wrong-const', { status: 200, pointer: '/status', rule: 'const' }],
    ['bad-order-number', { status: 200, pointer: '/data/order/number', rule: 'pattern' }],
    ['non-uuid-id', { status: 200, pointer: '/data/order/id', rule: 'format' }],
    ['int64-out-of-range', { status: 200, pointer: '/data/order/createdAt', rule: 'format' }],
    ['enum-outside-set', { status: 200, pointer: '/data/order/status', rule: 'enum' }],
    ['missing-required', { status: 200, pointer: '/data/order/orderNumber', rule: 'required' }],
    ['wrong-type', { status: 200, pointer: '/data/order/totalItems', rule: 'type' }],
    ['wrong-content-type', { status: 200, pointer: 'header:content-type', rule: 'content-type' }],
    ['undocumented-status', { status: 201, pointer: 'status', rule: 'status' }],
    ['invalid-json', { status: 200, pointer: '', rule: 'json' }],
    ['empty-body', { status: 200, pointer: '', rule: 'body' }],
    ['server-error', { status: 500, pointer: 'status', rule: 'status' }],
  ];

  it.each(cases)('catches the lie "%s" as exactly one finding with its pointer and rule', async (lie, want) => {
    const result = await runCheck(status200, liveConfig(server.url(lie)));
    expect(result.outcome).toBe('failed');
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'response', operationId: LIED_OPERATION, method: 'PATCH', path: operation.path, ...want }),
    ]);
  });

  it('names the int64 bound and shows the value as it was on the wire, not rounded', async () => {
    const [finding] = (await runCheck(status200, liveConfig(server.url('int64-out-of-range')))).findings;
    expect(finding?.expected).toContain('9007199254740991');
    expect(finding?.actual).toBe('9007199254740993 (number)');
  });

  it('fails each auth and negative check when the server accepts what it must reject', async () => {
    const negatives = planChecks([operation]).filter((c) => c.kind === 'negative' || c.kind === 'auth');
    const results = await runChecks(negatives, liveConfig(server.url('accepts-anything')));
    expect(results.map((r) => [r.name, r.outcome, r.findings.map((f) => [f.kind, f.rule, f.status])])).toEqual(
      negatives.map((c) => [c.name, 'failed', [['negative', c.kind === 'auth' ? 'ignored_auth' : 'negative_data_rejection', 200]]]),
    );
    expect(negatives.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'no public key',
        'invalid public key',
        'malformed public key',
        'no secret key',
        'invalid secret key',
        'bad id',
      ]),
    );
  });

  it("reports Prism's request violations (sl-violations) as findings against our client, not the server", async () => {
    const result = await runCheck(status200, liveConfig(server.url('rejects-request'), { kind: 'prism' }));
    expect(result.findings).toEqual([
      expect.objectContaining({
        kind: 'request',
        rule: 'request required',
        pointer: 'request.body',
        status: 422,
        actual: "Request body must have required property 'name'",
      }),
    ]);
  });

  it.each(['{"not":"a list"}', 'null', '[null, 3]', '[{"location":"body","message":5}]'])(
    'turns an sl-violations header it cannot read (%s) into one request finding, never a crash',
    async (header) => {
      const odd = createHttpServer((_req, res) =>
        res.writeHead(422, { 'sl-violations': header, 'content-type': 'application/json' }).end('{}'),
      );
      await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
        const result = await runCheck(status200, liveConfig(url, { kind: 'prism' }));
        expect(result.findings.map((f) => [f.kind, f.rule, f.pointer, f.actual])).toEqual([['request', 'request', '', header]]);
      } finally {
        odd.closeAllConnections();
        await new Promise((resolve) => odd.close(resolve));
      }
    },
  );

  it('finds nothing wrong with an honest live server for any operation of the spec (4xx it cannot provoke are skipped)', async () => {
    const results = await runChecks(planChecks(listOperations()), liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    expect(results.filter((r) => r.kind === 'status' && r.status === '200').every((r) => r.outcome === 'passed')).toBe(true);
  });

  it('builds every kind of finding with its fields in one order, the order the JSON report prints them', async () => {
    const order = ['url', 'kind', 'operationId', 'method', 'path', 'status', 'pointer', 'rule', 'expected', 'actual', 'note'];
    const all = planChecks(listOperations());
    const runs: [LieName | 'resets', typeof all, Parameters<typeof liveConfig>[1]][] = [
      ['undocumented-status', [status200], {}],
      ['invalid-json', [status200], {}],
      ['redirects', [status200], {}],
      ['duplicate-key', [status200], {}],
      ['accepts-anything', [status200, ...planChecks([operation]).filter((c) => c.kind === 'negative')], {}],
      ['rejects-request', [status200], { kind: 'prism' }],
      ['any-method', all.filter((c) => c.kind === 'method'), {}],
      ['ignores-take', all.filter((c) => c.kind === 'pagination'), {}],
      ['inconsistent-count', all.filter((c) => c.kind === 'pagination'), {}],
      ['repeats-pages', all.filter((c) => c.kind === 'pagination'), {}],
      ['forgets-updates', all.filter((c) => c.kind === 'workflow'), {}],
      ['slow', [status200], { maxResponseTimeMs: 100 }],
      ['resets', [status200], {}],
    ];
    // A server that drops every connection: no response at all.
    const resetting = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    const rules = new Set<string>();
    try {
      for (const [lie, checks, overrides] of runs) {
        const url = lie === 'resets' ? `http://127.0.0.1:${(resetting.address() as AddressInfo).port}` : server.url(lie);
        for (const f of (await runChecks(checks, liveConfig(url, overrides))).flatMap((r) => r.findings)) {
          expect(Object.keys(f), `${lie} ${f.rule}`).toEqual(order.filter((k) => k in f));
          rules.add(f.rule);
        }
      }
    } finally {
      await new Promise((resolve) => resetting.close(resolve));
    }
    expect([...rules].sort()).toEqual(
      expect.arrayContaining([
        'connection',
        'duplicate_key',
        'json',
        'max_response_time',
        'negative_data_rejection',
        'pagination_consistency',
        'pagination_limit',
        'pagination_pages',
        'redirect',
        'request required',
        'stateful_readback',
        'status',
        'unsupported_method',
      ]),
    );
  });

  it('lists every check of a write as skipped, never passed, against a live target without --allow-writes', async () => {
    const results = await runChecks(planChecks([operation]), liveConfig(server.url('all-body-lies'), { allowWrites: false }));
    for (const r of results)
      expect([r.outcome, r.reason].join(': ')).toMatch(
        /^skipped: (PATCH|PUT) changes data: pass --allow-writes to run it against this target$/,
      );
    expect(results.every((r) => r.request === undefined)).toBe(true);
  });
});
