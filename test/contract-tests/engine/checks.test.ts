/** Each check beyond response shapes catches its planted lie, and finds nothing against the honest server. */
import { describe, expect, it } from 'vitest';
import { main } from '../../../contract-tests/cli.js';
import { planChecks } from '../../../contract-tests/engine/checks.js';
import { runChecks } from '../../../contract-tests/engine/run-checks.js';
import { LIE_RULES, LIED_OPERATION, type LieName } from '../../../contract-tests/fixtures/lying-server.js';
import { listOperations } from '../../../src/operations.js';
import { KEYS, liveConfig, memoryIo, useLyingServer } from '../helpers.js';

// A write with an `…IdOrNumber` id and a body, and two lists (take + cursor/hasMore, limit + pages).
const OPERATIONS = listOperations().filter((op) =>
  [LIED_OPERATION, 'GetV0SubscriptionsList', 'GetV0UsersUserIdInventory'].includes(op.operationId),
);

const server = useLyingServer();

const run = (lie: LieName, maxResponseTimeMs = 5000) =>
  runChecks(planChecks(OPERATIONS, { seed: 7 }), liveConfig(server.url(lie), { maxResponseTimeMs }));

describe('the checks beyond response shapes', () => {
  it('find nothing wrong with the honest server', async () => {
    const results = await run('honest');
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    expect(new Set(results.map((r) => r.kind))).toEqual(
      new Set([
        'status',
        'negative',
        'auth',
        'auth-status',
        'positive',
        'method',
        'pagination',
        'filters',
        'default-sort',
        'units',
        'page-walk',
        'public-key-as-secret',
        'query-keys',
        'json-encoding',
      ]),
    );
  });

  // forgets-updates needs the stateful workflows (--allow-writes); it has its own test below.
  it.each((Object.entries(LIE_RULES) as [LieName, string][]).filter(([lie]) => lie !== 'forgets-updates'))(
    'catch the lie "%s" as %s',
    async (lie, rule) => {
      const results = await run(lie, 250);
      const rules = new Set(results.flatMap((r) => r.findings.map((f) => f.rule)));
      expect([...rules]).toContain(rule);
      const failing = results.find((r) => r.findings.some((f) => f.rule === rule))!;
      expect(failing.outcome).toBe('failed');
      expect(failing.request?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    },
  );
});

describe('--seed', () => {
  const requests = (seed: number) =>
    planChecks(listOperations(), { seed })
      .filter((c) => c.request)
      .map((c) => [c.id, c.request]);

  it('plans the same generated requests for the same seed, and others for another seed', () => {
    expect(requests(42)).toEqual(requests(42));
    expect(requests(43)).not.toEqual(requests(42));
  });

  it('is printed in the report and the JSON', async () => {
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey });
    expect(await main(['run', '--target', server.url('honest'), '--operation', 'GetV0SubscriptionsList', '--seed', '1234'], io)).toBe(0);
    expect(io.out()).toContain('seed 1234 (--seed 1234 repeats the generated requests)');
    expect(io.err()).toContain('(seed 1234)');
  });
});

describe('auth status (401, not 403, for a missing or malformed key)', () => {
  it('is skipped against a Prism mock, with the reason', async () => {
    const checks = planChecks(OPERATIONS).filter((c) => c.kind === 'auth-status');
    expect(checks).toHaveLength(OPERATIONS.length);
    const results = await runChecks(checks, liveConfig(server.url('forbids-bad-keys'), { kind: 'prism' }));
    expect(results.every((r) => r.outcome === 'skipped' && /Prism mock/.test(r.reason ?? ''))).toBe(true);
  });
});

describe('stateful workflows (--allow-writes against a live target)', () => {
  const workflows = () => planChecks(listOperations(), { seed: 3 }).filter((c) => c.kind === 'workflow');

  it('runs create → get → update → get → archive on the honest server, listing every id it created', async () => {
    // products/create declares no resource object with an id in both answers: nothing to follow there.
    expect(
      workflows()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['discounts', 'offers', 'subscriptions', 'users']);
    const results = await runChecks(workflows(), liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome !== 'passed').map((r) => [r.id, r.findings])).toEqual([]);
    const users = results.find((r) => r.name === 'users')!;
    expect(users.reason).toBe('steps run: create → get → update → get → archive');
    expect(users.created).toEqual({ resource: 'users', id: expect.stringMatching(/^[0-9a-f-]{36}$/), archived: true });
  });

  it('catches a server that acknowledges an update but keeps the old values', async () => {
    const results = await runChecks(workflows(), liveConfig(server.url('forgets-updates')));
    const users = results.find((r) => r.name === 'users')!;
    expect(users.outcome).toBe('failed');
    expect(users.findings.map((f) => f.rule)).toContain('stateful_readback');
  });

  it('compare an amount written in major units with the minor units read back, and catch a server that keeps it unconverted', async () => {
    const offers = workflows().filter((c) => c.name === 'offers');
    const honest = (await runChecks(offers, liveConfig(server.url('honest'))))[0]!;
    expect([honest.outcome, honest.findings]).toEqual(['passed', []]);
    const lying = (await runChecks(offers, liveConfig(server.url('unconverted-amounts'))))[0]!;
    expect(lying.outcome).toBe('failed');
    expect(lying.findings.filter((f) => f.rule === 'stateful_readback').map((f) => f.pointer)).toContain('/data/*/price');
    expect(lying.findings.find((f) => f.pointer === '/data/*/price')?.expected).toMatch(/in major-currency-unit\) as written by create/);
  });

  it('are skipped without --allow-writes and against a Prism mock', async () => {
    const [check] = workflows();
    for (const config of [liveConfig(server.url('honest'), { allowWrites: false }), liveConfig(server.url('honest'), { kind: 'prism' })]) {
      expect((await runChecks([check!], config))[0]!.outcome).toBe('skipped');
    }
  });
});
