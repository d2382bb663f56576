/** What a Schemathesis user reaches for: exclusion, strict selectors, list, --max-failures, -H, FORCE_COLOR, report paths, the Prism hint. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import { colorsFor } from '../../contract-tests/engine/colors.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { LIED_OPERATION } from '../../contract-tests/fixtures/lying-server.js';
import { expectUsageError, KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const server = useLyingServer();
const tmp = useTempDir('fungies-filters-');
const env = { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey };

interface Listed {
  seed: number;
  shards: number;
  families: string[];
  operations: { operationId: string; tags: string[]; checks: Record<string, number>; shard?: number }[];
}

async function list(args: string[]): Promise<Listed> {
  const io = memoryIo('', { NO_COLOR: '1' });
  expect(await main(['list', '--json', ...args], io)).toBe(0);
  return JSON.parse(io.out()) as Listed;
}

describe('--operation and --exclude', () => {
  it('--exclude leaves out an operationId, a tag and a glob', async () => {
    const orders = await list(['--operation', 'orders']);
    expect(orders.operations.length).toBeGreaterThan(2);
    const ids = (l: Listed) => l.operations.map((o) => o.operationId);
    expect(ids(await list(['--operation', 'orders', '--exclude', LIED_OPERATION]))).toEqual(
      ids(orders).filter((id) => id !== LIED_OPERATION),
    );
    expect(ids(await list(['--operation', 'orders', '--exclude', '*Cancel*']))).toEqual(ids(orders).filter((id) => !/Cancel/.test(id)));
    const all = await list([]);
    expect((await list(['--exclude', 'orders'])).operations.length).toBe(all.operations.length - orders.operations.length);
  });

  it.each([
    [['run', '--operation', 'orders,nosuch'], '--operation "nosuch" matches no operation'],
    [['run', '--exclude', 'nosuch*'], '--exclude "nosuch*" matches no operation'],
    [['list', '--exclude', 'orders,nope'], '--exclude "nope" matches no operation'],
    [['run', '--operation', 'orders', '--exclude', 'orders'], 'leaves no operation'],
    [['run', '--shard', '3/2', '--seed', '1'], '--shard must be k/n'],
    [['run', '--shard', '1/2'], '--shard needs --seed'],
    [['run', '-H', 'no colon'], '-H/--header must be name:value'],
    [['run', '-H', 'x-fngs-secret-key: sec_x'], 'keys come from the environment'],
    [['run', '--max-failures', '0'], '--max-failures must be a positive whole number'],
  ])('%j is a usage error before anything runs', async (argv, message) => {
    await expectUsageError(argv, message);
  });

  it('a run honours --exclude', async () => {
    const json = join(tmp.dir, 'exclude.json');
    const io = memoryIo('', env);
    await main(
      ['run', '--target', server.url('honest'), '--operation', 'orders', '--exclude', LIED_OPERATION, '--allow-writes', '--json', json],
      io,
    );
    const report = JSON.parse(await readFile(json, 'utf8')) as RunData;
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.checks.filter((c) => c.operationId === LIED_OPERATION)).toEqual([]);
    expect(report.excludeFilter).toBe(LIED_OPERATION);
  });
});

describe('fungies-contract list', () => {
  it('shows operations, tags, planned checks per family and the shard of each, balanced', async () => {
    const listed = await list(['--shards', '3', '--seed', '7']);
    expect(listed.families).toEqual(expect.arrayContaining(['status', 'auth', 'negative']));
    const total = (o: Listed['operations'][number]) => Object.values(o.checks).reduce((a, b) => a + b, 0);
    const perShard = [1, 2, 3].map((k) => listed.operations.filter((o) => o.shard === k).reduce((n, o) => n + total(o), 0));
    const heaviest = Math.max(...listed.operations.map(total));
    expect(Math.max(...perShard) - Math.min(...perShard)).toBeLessThanOrEqual(heaviest);
    expect(listed.operations.every((o) => o.tags.length > 0)).toBe(true);
    const io = memoryIo('', { NO_COLOR: '1' });
    expect(await main(['list', '--operation', LIED_OPERATION, '--shards', '2'], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`${LIED_OPERATION}\\s+PATCH /v0/orders/\\{orderIdOrNumber\\}/cancel\\s+\\d+\\s+1/2\\s+orders`));
    expect(io.out()).toMatch(/planned checks \(seed 0\): status \d+, auth \d+/);
  });
});

describe('run control', () => {
  it('--max-failures stops starting checks and reports the rest skipped, saying why', async () => {
    const json = join(tmp.dir, 'max-failures.json');
    const io = memoryIo('', env);
    const code = await main(
      [
        'run',
        '--target',
        server.url('server-error'),
        '--operation',
        LIED_OPERATION,
        '--allow-writes',
        '--max-failures',
        '1',
        '--json',
        json,
      ],
      io,
    );
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(json, 'utf8')) as RunData;
    expect(report.checks.filter((c) => c.outcome === 'failed').length).toBeGreaterThanOrEqual(1);
    expect(report.checks.filter((c) => c.reason === 'not run: --max-failures 1 reached').length).toBeGreaterThan(0);
  });

  it('prints where each report was written', async () => {
    const json = join(tmp.dir, 'where.json');
    const junit = join(tmp.dir, 'where.xml');
    const io = memoryIo('', env);
    await main(
      ['run', '--target', server.url('honest'), '--operation', LIED_OPERATION, '--allow-writes', '--json', json, '--junit', junit],
      io,
    );
    expect(io.err()).toContain(`JSON report written to ${json}`);
    expect(io.err()).toContain(`JUnit report written to ${junit}`);
  });

  it('FORCE_COLOR colours a non-TTY; FORCE_COLOR=0 and NO_COLOR do not', () => {
    const red = (env: Record<string, string>, tty = false) => colorsFor({ isTTY: tty }, env).red('x');
    expect(red({ FORCE_COLOR: '1' })).toBe('\u001b[31mx\u001b[39m');
    expect(red({ FORCE_COLOR: '0' }, true)).toBe('x');
    expect(red({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe('x');
    expect(red({})).toBe('x');
  });
});

describe('-H/--header', () => {
  const seen: IncomingHttpHeaders[] = [];
  let base = '';
  const echo = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"error","error":{"message":"nope"}}');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('sends each header with every request and never shows its value in a report', async () => {
    const json = join(tmp.dir, 'headers.json');
    const io = memoryIo('', env);
    await main(
      [
        'run',
        '--target',
        base,
        '--operation',
        'GetV0DiscountsDiscountId',
        '-H',
        'x-gateway-token: tok3n-Secret',
        '--header',
        'x-env:staging',
        '--json',
        json,
      ],
      io,
    );
    const sent = seen.filter((h) => h['x-fngs-public-key'] !== undefined || h['x-gateway-token'] !== undefined);
    expect(sent.length).toBeGreaterThan(1);
    for (const h of sent) expect([h['x-gateway-token'], h['x-env']]).toEqual(['tok3n-Secret', 'staging']);
    const everything = io.out() + io.err() + (await readFile(json, 'utf8'));
    expect(everything).not.toContain('tok3n-Secret');
    expect(everything).toContain('x-gateway-token');
  });
});
