// The write behaviour checks: silent on a faithful stateful server with --allow-writes, red on each of its write lies, skipped where they must not write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../contract-tests/engine/check-registry.js';
import { planChecks } from '../../contract-tests/engine/checks.js';
import { plainColors } from '../../contract-tests/engine/colors.js';
import { formatHtml } from '../../contract-tests/engine/html-report.js';
import { formatJson } from '../../contract-tests/engine/json-report.js';
import { formatJUnit } from '../../contract-tests/engine/junit.js';
import { formatReport, formatSummary } from '../../contract-tests/engine/report.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import { buildRunData } from '../../contract-tests/engine/run-data.js';
import schema from '../../contract-tests/report.schema.json' with { type: 'json' };
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { listOperations } from '../../src/operations.js';
import { type StatefulServer, startStatefulServer } from './fixtures/stateful-server.js';
import { WRITE_LIE_RULES, type WriteLie } from './fixtures/stateful-writes.js';
import { liveConfig } from './helpers.js';

const KINDS = ['read-after-write', 'created-in-list', 'write-identity'];
const checks = () => planChecks(listOperations()).filter((c) => KINDS.includes(c.kind));
const BEHAVIOUR = CHECKS.filter((c) => c.family === 'behaviour').map((c) => c.name);

let server: StatefulServer;
beforeAll(async () => {
  server = await startStatefulServer();
});
afterAll(async () => {
  await server.close();
});

describe('write behaviour checks from the resource model', () => {
  it('are planned from x-resource for each resource the model can create: every write it names, its list, its ids', () => {
    expect(
      checks()
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      [
        'Discount read after update',
        'Discount read after archive',
        'User read after update',
        'User read after archive',
        'Subscription read after cancel',
        'Offer read after update',
        'Product read after update',
        'Product read after archive',
        'Product read after duplicate',
        'Discount created in list',
        'Subscription created in list',
        'Offer created in list',
        'Product created in list',
        'Discount write identity',
        'User write identity',
        'Subscription write identity',
        'Offer write identity',
        'Product write identity',
      ].sort(),
    );
  });

  it('pass on the faithful server with --allow-writes, each one run where the model lets it create, and archive what they made', async () => {
    const results = await runChecks(checks(), liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    expect(results.filter((r) => r.outcome === 'skipped').map((r) => [r.id, r.reason])).toEqual([
      // Their archive answers no field, and the model records no list they leave: nothing a read can show.
      ['User read after archive', expect.stringMatching(/^nothing to read back: PatchV0UsersUserIdArchive answers no User field/)],
      ['Product read after archive', expect.stringMatching(/^nothing to read back/)],
    ]);
    // Every check that ran lists what it made; all of it archived or cancelled again but offers, which have neither.
    const ran = results.filter((r) => r.outcome === 'passed');
    expect(ran.filter((r) => [r.created ?? []].flat().length === 0).map((r) => r.id)).toEqual([]);
    const created = results.flatMap((r) => [r.created ?? []].flat());
    expect(new Set(created.filter((c) => !c.archived).map((c) => c.resource))).toEqual(new Set(['offers']));
    // Products: one each for update, archive and the list, two each where a duplicate is made too (skipped checks list theirs as well).
    expect(created.filter((c) => c.resource === 'products')).toHaveLength(7);
  }, 60_000);

  it('leave every behaviour check of the run silent on the faithful server, workflows included', async () => {
    const all = planChecks(listOperations()).filter((c) => BEHAVIOUR.includes(c.kind));
    const results = await runChecks(all, liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    expect(results.filter((r) => r.outcome === 'passed').map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'discounts workflow: create → get → update → get → archive',
        'offers workflow: create → get → update → get',
        'subscriptions workflow: create → get → update → get',
        'users workflow: create → get → update → get → archive',
        'Order list filters',
        'Subscription list default sort',
        'Order identity',
        ...checks()
          .map((c) => c.id)
          .filter((id) => !id.endsWith(' read after archive')),
        'Discount read after archive',
      ]),
    );
  }, 60_000);

  it.each(Object.entries(WRITE_LIE_RULES))(
    'catch the lie "%s" as %s',
    async (lie, rule) => {
      const results = await runChecks(checks(), liveConfig(server.url(lie as WriteLie)));
      const failing = results.filter((r) => r.outcome === 'failed');
      expect(failing.length).toBeGreaterThan(0);
      expect(new Set(failing.flatMap((r) => r.findings.map((f) => f.rule)))).toEqual(new Set([rule]));
    },
    30_000,
  );

  it('name what a cancel left unsaved: the state the model says it leaves', async () => {
    const [result] = await runChecks(
      checks().filter((c) => c.id === 'Subscription read after cancel'),
      liveConfig(server.url('forgets-cancels')),
    );
    expect(result?.findings).toEqual([
      expect.objectContaining({
        rule: 'read_after_write',
        pointer: '/data/subscription/status',
        expected: '"canceled", the state PatchV0SubscriptionsSubscriptionIdOrNumberCancel leaves',
        actual: '"active"',
      }),
    ]);
  }, 30_000);

  it('are skipped against a Prism mock, and against a live target without --allow-writes, with the reason', async () => {
    const prism = await runChecks(checks(), liveConfig(server.url('honest'), { kind: 'prism' }));
    expect(prism.every((r) => r.outcome === 'skipped' && /Prism mock keeps no state/.test(r.reason ?? ''))).toBe(true);
    const readOnly = await runChecks(checks(), liveConfig(server.url('honest'), { allowWrites: false }));
    expect(readOnly.every((r) => r.outcome === 'skipped' && /pass --allow-writes|no create and get/.test(r.reason ?? ''))).toBe(true);
  }, 30_000);

  it('are reported under their own names: the text summary, the JSON report (valid, with what they made), JUnit and HTML', async () => {
    const results = await runChecks(checks(), liveConfig(server.url('forgets-cancels')));
    const data = buildRunData(listOperations(), results, {
      targetUrl: server.url('forgets-cancels'),
      kind: 'live',
      strict: false,
      allowWrites: true,
      startedAt: new Date(0),
      durationMs: 0,
    });
    const summary = formatSummary(data, plainColors);
    for (const label of ['read after write', 'created item in its list', 'write identity'])
      expect(summary).toMatch(new RegExp(`${label}\\s+\\d+ passed, \\d+ failed, \\d+ skipped`));
    expect(formatReport(data, plainColors)).toContain(
      'Read after write: PATCH /v0/subscriptions/{subscriptionIdOrNumber}/cancel, then get',
    );
    const json = JSON.parse(formatJson(data)) as { checks: { kind: string }[]; created: unknown[] };
    const validate = createAjv().compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(json.checks.map((c) => c.kind))).toEqual(new Set(KINDS));
    expect(json.created.length).toBeGreaterThan(15);
    const junit = formatJUnit(data);
    expect(junit).toContain(
      '<testcase classname="PATCH /v0/subscriptions/{subscriptionIdOrNumber}/cancel" name="Subscription read after cancel"',
    );
    expect(junit).toContain('read_after_write');
    const html = formatHtml(data);
    for (const kind of KINDS) expect(html).toContain(`<option value="${kind}">`);
  }, 30_000);
});
