// Keys only where the spec puts them: the public key in the secret-key header authorises no write, and no key is read from the query string.
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../contract-tests/engine/checks.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import { LIED_OPERATION, type LieName } from '../../contract-tests/fixtures/lying-server.js';
import { listOperations } from '../../src/operations.js';
import { KEYS, liveConfig, useLyingServer } from './helpers.js';

const KINDS = ['public-key-as-secret', 'query-keys'];
// A write (needs the secret key) and a read (the public key only).
const OPERATIONS = listOperations().filter((op) => [LIED_OPERATION, 'GetV0SubscriptionsList'].includes(op.operationId));
const checks = () => planChecks(OPERATIONS).filter((c) => KINDS.includes(c.kind));
const server = useLyingServer();
const run = (lie: LieName, overrides = {}) => runChecks(checks(), liveConfig(server.url(lie), overrides));

describe('key placement', () => {
  it('plans the public-key-as-secret check for every write and the query-keys check for every read', () => {
    const all = planChecks(listOperations());
    const of = (kind: string) => all.filter((c) => c.kind === kind).map((c) => c.operation.method);
    expect(of('public-key-as-secret')).toHaveLength(28);
    expect(of('public-key-as-secret').every((m) => m !== 'get')).toBe(true);
    expect(of('query-keys')).toHaveLength(15);
    expect(of('query-keys').every((m) => m === 'get')).toBe(true);
  });

  it('both pass on the honest server, which rejects each request with a 401', async () => {
    const results = await run('honest');
    expect(results.map((r) => [r.id, r.outcome, r.response?.status])).toEqual([
      [`${LIED_OPERATION} auth: public key as secret`, 'passed', 401],
      ['GetV0SubscriptionsList auth: keys in the query string', 'passed', 401],
    ]);
  });

  it.each([
    ['accepts-public-as-secret', 'public_key_as_secret', `${LIED_OPERATION} auth: public key as secret`],
    ['accepts-query-keys', 'query_string_key', 'GetV0SubscriptionsList auth: keys in the query string'],
  ] as const)('catch the lie "%s" as %s, and only that check fails', async (lie, rule, id) => {
    const results = await run(lie);
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings.map((f) => f.rule)])).toEqual([[id, [rule]]]);
  });

  it('never show a key sent in the query string: the URL in the report is masked', async () => {
    const results = await run('accepts-query-keys');
    const failed = results.find((r) => r.outcome === 'failed')!;
    expect(failed.request?.url).toContain('x-fngs-public-key=');
    expect(JSON.stringify(results)).not.toContain(KEYS.publicKey);
  });

  it('skip the public-key-as-secret check against a Prism mock and without a public key, saying why', async () => {
    const prism = await run('honest', { kind: 'prism' });
    expect(prism.find((r) => r.kind === 'public-key-as-secret')).toMatchObject({
      outcome: 'skipped',
      reason: 'a Prism mock checks that key headers are present, not their values',
    });
    const noKey = await runChecks(checks(), {
      ...liveConfig(server.url('honest')),
      target: { baseUrl: server.url('honest'), publicKey: '', secretKey: KEYS.secretKey, timeoutMs: 5000 },
    });
    expect(noKey.map((r) => [r.outcome, r.reason])).toEqual(KINDS.map(() => ['skipped', 'needs the public key: set FUNGIES_PUBLIC_KEY']));
  });
});
