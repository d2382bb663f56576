// JSON as UTF-8 and nothing else: a byte-order mark, another charset or bytes that are not UTF-8 are findings the decoded text would hide.
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../contract-tests/engine/checks.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import type { LieName } from '../../contract-tests/fixtures/lying-server.js';
import { listOperations } from '../../src/operations.js';
import { liveConfig, useLyingServer } from './helpers.js';

const OPERATIONS = listOperations().filter((op) => ['GetV0SubscriptionsList', 'GetV0UsersUserIdInventory'].includes(op.operationId));
const checks = () => planChecks(OPERATIONS).filter((c) => c.kind === 'json-encoding');
const server = useLyingServer();

describe('json encoding', () => {
  it('is planned for every read', () => {
    expect(planChecks(listOperations()).filter((c) => c.kind === 'json-encoding')).toHaveLength(15);
  });

  it('passes on the honest server', async () => {
    const results = await runChecks(checks(), liveConfig(server.url('honest')));
    expect(results.map((r) => [r.outcome, r.findings])).toEqual([
      ['passed', []],
      ['passed', []],
    ]);
  });

  it.each([
    ['bom-body', 'json_bom', '', 'a UTF-8 byte-order mark (EF BB BF)'],
    ['latin1-charset', 'json_charset', 'header:content-type', 'application/json; charset=iso-8859-1'],
    ['invalid-utf8', 'json_utf8', '', 'a byte sequence that is not UTF-8 at byte 15 (0xFF)'],
  ] as const)('catches the lie "%s" as %s', async (lie, rule, pointer, actual) => {
    const results = await runChecks(checks(), liveConfig(server.url(lie as LieName)));
    expect(results).toHaveLength(OPERATIONS.length);
    for (const r of results) {
      expect(r.outcome).toBe('failed');
      expect(r.findings).toMatchObject([{ rule, pointer, actual }]);
    }
  });
});
