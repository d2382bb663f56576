/**
 * `run --shard k/n` then `merge`: for n = 1, 2, 3, 5 at two seeds, the shards together run exactly
 * the unsharded run's checks (same ids, same requests), and the merged report has its totals,
 * findings and exit code. Reports of different runs are refused in one line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import type { CheckResult, RunData } from '../../contract-tests/engine/types.js';
import { expectUsageError, KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const server = useLyingServer();
const tmp = useTempDir('fungies-shards-');
const env = { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey };
// Both list operations, writes, a workflow, every family of checks: 9 operations, ~160 checks.
const SELECTION = 'orders,discounts';

async function run(seed: number, json: string, extra: string[] = []): Promise<number> {
  const args = ['run', '--target', server.url('all-body-lies'), '--operation', SELECTION, '--allow-writes', '--seed', String(seed)];
  return main([...args, '--json', json, ...extra], memoryIo('', env));
}

const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as RunData;

/** A check as the comparison sees it: no timing, and the ids a stateful server makes up replaced. */
const comparable = (c: CheckResult) => {
  const { durationMs: _ms, ...rest } = c;
  return JSON.parse(JSON.stringify(rest).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')) as unknown;
};
const outcomes = (d: RunData) => ['passed', 'failed', 'skipped'].map((o) => d.checks.filter((c) => c.outcome === o).length);

describe('run --shard k/n, then merge', () => {
  for (const seed of [11, 12]) {
    it(`seed ${seed}: shards of n = 1, 2, 3, 5 add up to the unsharded run, and merge gives its report`, async () => {
      const whole = join(tmp.dir, `whole-${seed}.json`);
      const wholeCode = await run(seed, whole);
      const expected = await read(whole);
      expect(expected.checks.length).toBeGreaterThan(100);
      expect(outcomes(expected)[1]).toBeGreaterThan(0);
      for (const n of [1, 2, 3, 5]) {
        const files = Array.from({ length: n }, (_, i) => join(tmp.dir, `s${seed}-${i + 1}of${n}.json`));
        // Side by side, as a CI matrix runs them.
        await Promise.all(files.map((file, i) => run(seed, file, ['--shard', `${i + 1}/${n}`])));
        const shards = await Promise.all(files.map(read));
        const ids = shards.flatMap((s) => s.checks.map((c) => c.id));
        expect(new Set(ids).size, `n=${n}: no check in two shards`).toBe(ids.length);
        expect([...ids].sort(), `n=${n}`).toEqual(expected.checks.map((c) => c.id).sort());
        const requests = new Map(shards.flatMap((s) => s.checks).map((c) => [c.id, comparable(c)]));
        for (const c of expected.checks) expect(requests.get(c.id), c.id).toEqual(comparable(c));
        if (n > 1) {
          const sizes = shards.map((s) => s.checks.length);
          expect(Math.max(...sizes) - Math.min(...sizes), `n=${n}: balanced`).toBeLessThanOrEqual(40);
        }

        const merged = join(tmp.dir, `merged-${seed}-${n}.json`);
        const io = memoryIo('', { NO_COLOR: '1' });
        const code = await main(['merge', ...files, '--json', merged], io);
        expect(code, `n=${n}: ${io.err()}`).toBe(wholeCode);
        const report = await read(merged);
        expect(report.shard).toBeUndefined();
        expect(report.operations).toEqual(expected.operations);
        expect(report.checks.map(comparable)).toEqual(expected.checks.map(comparable));
        expect(outcomes(report)).toEqual(outcomes(expected));
        expect(io.out()).toMatch(new RegExp(`✘ ${outcomes(expected)[1]} of ${expected.checks.length} checks failed`));
      }
    }, 180_000);
  }

  it('refuses reports of different specs, seeds or targets, a missing or doubled shard, in one line', async () => {
    const a = join(tmp.dir, 'r-a.json');
    const b = join(tmp.dir, 'r-b.json');
    await Promise.all([
      run(21, a, ['--shard', '1/2', '--operation', 'GetV0OrdersList,GetV0DiscountsList']),
      run(22, b, ['--shard', '2/2', '--operation', 'GetV0OrdersList,GetV0DiscountsList']),
    ]);
    await expectUsageError(['merge', a, b], `cannot merge reports of different seeds: ${a} has 21, ${b} has 22`);
    await expectUsageError(['merge', a], 'missing shard 2/2');
    await expectUsageError(['merge', a, a], 'shard 1/2 is given twice');
    const report = await read(a);
    const edit = async (name: string, change: (d: RunData) => void) => {
      const copy = structuredClone(report);
      change(copy);
      copy.shard = { ...copy.shard!, index: 2 };
      const file = join(tmp.dir, name);
      await writeFile(file, JSON.stringify(copy));
      return file;
    };
    const spec = await edit('r-spec.json', (d) => (d.spec.version = '9.9.9'));
    await expectUsageError(['merge', a, spec], 'cannot merge reports of different specs');
    const target = await edit('r-target.json', (d) => (d.target.url = 'http://127.0.0.1:1'));
    await expectUsageError(['merge', a, target], 'cannot merge reports of different targets');
    await writeFile(join(tmp.dir, 'not.json'), '{');
    await expectUsageError(['merge', a, join(tmp.dir, 'not.json')], 'is not JSON');
  }, 60_000);
});
