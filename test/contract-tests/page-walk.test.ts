// The page-walk check: silent on the faithful stateful server, red on each of its paging lies, bounded by --max-pages.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import { planChecks } from '../../contract-tests/engine/checks.js';
import { runChecks } from '../../contract-tests/engine/run-checks.js';
import { listOperations } from '../../src/operations.js';
import { MOVES_ONCE, PAGE_LIE_RULES, type PageLie } from './fixtures/page-lies.js';
import { type StatefulServer, startStatefulServer } from './fixtures/stateful-server.js';
import { expectUsageError, KEYS, liveConfig, memoryIo, useTempDir } from './helpers.js';

const walks = () => planChecks(listOperations()).filter((c) => c.kind === 'page-walk');
// The two lists the stateful server holds: 6 items each, walked by 2 (skip/take + count; cursor + hasMore + count).
const HELD = ['GetV0OrdersList page walk', 'GetV0SubscriptionsList page walk'];

const tmp = useTempDir('page-walk-');
let server: StatefulServer;
beforeAll(async () => {
  server = await startStatefulServer();
});
afterAll(async () => {
  await server.close();
});

describe('page walk', () => {
  it('is planned for every list that pages (by skip, page number or cursor)', () => {
    expect(
      walks()
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      ['GetV0DiscountsList', 'GetV0OrdersList', 'GetV0SubscriptionsList', 'GetV0UsersList', 'GetV0UsersUserIdInventory']
        .map((id) => `${id} page walk`)
        .sort(),
    );
  });

  it('passes on the faithful server, walking each list it holds to its third and last page', async () => {
    const results = await runChecks(walks(), liveConfig(server.url('honest')));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    const held = results.filter((r) => HELD.includes(r.id));
    expect(held.map((r) => [r.id, r.outcome, r.reason])).toEqual(HELD.map((id) => [id, 'passed', undefined]));
    // The last request asked for the third page: skip=4, or the cursor the second page returned.
    expect(held.map((r) => new URL(r.request!.url).searchParams.get(r.id.startsWith('GetV0Orders') ? 'skip' : 'cursor'))).toEqual([
      '4',
      '4',
    ]);
  });

  it.each(Object.entries(PAGE_LIE_RULES))('catches the lie "%s" as %s', async (lie, rule) => {
    const results = await runChecks(walks(), liveConfig(server.url(lie as PageLie)));
    const failing = results.filter((r) => r.outcome === 'failed');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((r) => HELD.includes(r.id))).toBe(true);
    expect(new Set(failing.flatMap((r) => r.findings.map((f) => f.rule)))).toEqual(new Set([rule]));
  });

  it('passes when the list moves under one walk only, as a live account does: a finding counts when a second walk finds it again', async () => {
    const results = await runChecks(walks(), liveConfig(server.url(MOVES_ONCE as PageLie)));
    expect(results.filter((r) => r.outcome === 'failed').map((r) => [r.id, r.findings])).toEqual([]);
    expect(results.filter((r) => HELD.includes(r.id)).map((r) => r.outcome)).toEqual(['passed', 'passed']);
  });

  it('names the page and the values in its finding', async () => {
    const [result] = await runChecks(
      walks().filter((c) => c.id === 'GetV0OrdersList page walk'),
      liveConfig(server.url('count-wrong-on-page-2')),
    );
    expect(result!.findings).toMatchObject([
      { pointer: '/data/count', expected: '6, as on page 1', actual: '7', note: 'on page 2 of a walk by 2' },
    ]);
  });

  it('stops at --max-pages, passing with a note that the end is unchecked', async () => {
    const results = await runChecks(
      walks().filter((c) => HELD.includes(c.id)),
      liveConfig(server.url('honest'), { maxPages: 2 }),
    );
    expect(results.map((r) => [r.outcome, r.reason])).toEqual(
      HELD.map(() => ['passed', 'walked 2 pages of 2 items without reaching the end (--max-pages 2): the end is unchecked']),
    );
  });

  it('is skipped against a Prism mock, with the reason', async () => {
    const results = await runChecks(walks(), liveConfig(server.url('honest'), { kind: 'prism' }));
    expect(results.map((r) => [r.outcome, r.reason])).toEqual(
      results.map(() => ['skipped', 'a Prism mock generates lists without paging them']),
    );
    expect(results).toHaveLength(5);
  });

  it('takes its bound from --max-pages, a whole number from 1', async () => {
    await expectUsageError(['run', '--max-pages', '0'], '--max-pages must be a whole number of pages from 1 to 10000');
    const json = join(tmp.dir, 'walk.json');
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey });
    const argv = ['run', '--target', server.url('honest'), '--operation', 'GetV0SubscriptionsList', '--max-pages', '1', '--json', json];
    // The stateful server does not check keys: the auth checks fail there, this one is what is read.
    await main(argv, io);
    const report = JSON.parse(await readFile(json, 'utf8')) as { checks: { kind: string; outcome: string; reason?: string }[] };
    expect(report.checks.filter((c) => c.kind === 'page-walk')).toMatchObject([
      { outcome: 'passed', reason: 'walked 1 page of 2 items without reaching the end (--max-pages 1): the end is unchecked' },
    ]);
  });
});
