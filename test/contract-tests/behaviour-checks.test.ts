// The behaviour checks derived from the resource model: silent on a faithful stateful server, red on each of its lies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChecks } from '../../contract-tests/engine/checks.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import { listOperations } from '../../src/operations.js';
import { STATEFUL_LIE_RULES, type StatefulServer, startStatefulServer } from './fixtures/stateful-server.js';
import { liveConfig } from './helpers.js';

const KINDS = ['filters', 'default-sort', 'units', 'identity'];
const checks = () => planChecks(listOperations()).filter((c) => KINDS.includes(c.kind));

let server: StatefulServer;
beforeAll(async () => {
  server = await startStatefulServer();
});
afterAll(async () => {
  await server.close();
});

describe('behaviour checks from the resource model', () => {
  it('are planned from x-resource, not per resource: filters, default sort, units and identity of the resources the model names', () => {
    expect(
      checks()
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      [
        'Discount identity',
        'Discount list filters',
        'Discount units',
        'Offer identity',
        'Order identity',
        'Order list default sort',
        'Order list filters',
        'Order units',
        'Payment identity',
        'Payment list filters',
        'Payment units',
        'Product identity',
        'Product list filters',
        'Subscription identity',
        'Subscription list default sort',
        'Subscription list filters',
        'Subscription units',
      ].sort(),
    );
  });

  it('pass on the faithful server, each one run (not skipped) where it holds data', async () => {
    const results = await runChecks(checks(), liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    const ran = results.filter((r) => r.outcome === 'passed').map((r) => r.id);
    expect(ran).toEqual(
      expect.arrayContaining([
        'Order identity',
        'Order list filters',
        'Order list default sort',
        'Order units',
        'Subscription identity',
        'Subscription list filters',
        'Subscription list default sort',
        'Subscription units',
      ]),
    );
  });

  it.each(Object.entries(STATEFUL_LIE_RULES))('catch the lie "%s" as %s', async (lie, rule) => {
    const results = await runChecks(checks(), liveConfig(server.url(lie as keyof typeof STATEFUL_LIE_RULES)));
    const failing = results.filter((r) => r.outcome === 'failed');
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing.flatMap((r) => r.findings.map((f) => f.rule)))).toEqual(new Set([rule]));
  });

  it('are skipped against a Prism mock, with the reason', async () => {
    const results = await runChecks(checks(), liveConfig(server.url('honest'), { kind: 'prism' }));
    expect(
      results.every((r) => r.outcome === 'skipped' && /Prism mock (invents every list|answers its own sample)/.test(r.reason ?? '')),
    ).toBe(true);
  });
});
