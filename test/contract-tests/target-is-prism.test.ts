/** `fungies-contract run --target <your Prism> --target-is-prism`: every documented status is asked for and checked. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { type PrismHandle, startPrism } from '../../contract-tests/prism.js';
import { SPEC_FILE } from '../../contract-tests/spec-path.js';
import { findOperationById } from '../../src/operations.js';
import { KEYS, memoryIo, useTempDir } from './helpers.js';

// A read and a write: against a Prism target the write runs without --allow-writes.
const OPERATIONS = ['GetV0DiscountsDiscountId', 'PatchV0OrdersOrderIdOrNumberCancel'];

let prism: PrismHandle;
// Prism takes seconds to start, more on a busy machine.
beforeAll(async () => {
  prism = await startPrism({ spec: SPEC_FILE });
}, 60_000);
afterAll(async () => {
  await prism?.stop();
});
const tmp = useTempDir('fungies-target-prism-');

describe('fungies-contract run --target-is-prism', () => {
  it('asks the target for every documented status with Prefer: code= and checks each one, skipping none', async () => {
    const json = join(tmp.dir, 'report.json');
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey });
    const code = await main(['run', '--target', prism.url, '--target-is-prism', '--operation', OPERATIONS.join(','), '--json', json], io);
    expect(io.out()).toMatch(/✔ \d+ checks passed/);
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as RunData;
    expect(report.target).toEqual({ url: prism.url, kind: 'prism' });
    for (const operationId of OPERATIONS) {
      const documented = Object.keys(findOperationById(operationId)!.responses);
      const checks = report.checks.filter((c) => c.operationId === operationId && c.kind === 'status');
      expect(checks.map((c) => c.status).sort(), operationId).toEqual([...documented].sort());
      for (const check of checks) {
        expect(check.outcome, check.id).toBe('passed');
        expect(check.request?.headers['prefer'], check.id).toBe(`code=${check.status}`);
        expect(check.response?.status, check.id).toBe(Number(check.status));
      }
    }
    expect(report.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    // Only what a mock cannot do is skipped: judge key values, page lists.
    expect(new Set(report.checks.filter((c) => c.outcome === 'skipped').map((c) => c.reason))).toEqual(
      new Set([
        'a Prism mock checks that key headers are present, not their values',
        'a Prism mock answers a missing key with whichever documented status it picks and accepts any key value: the status is not its to keep',
      ]),
    );
  });

  it('says once that a target answers like a Prism mock when --target-is-prism is absent', async () => {
    const hint = 'answers like a Prism mock: pass --target-is-prism';
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey });
    await main(['run', '--target', prism.url, '--operation', OPERATIONS[0]!], io);
    expect((io.out() + io.err()).split(hint)).toHaveLength(2);
    const told = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey });
    await main(['run', '--target', prism.url, '--target-is-prism', '--operation', OPERATIONS[0]!], told);
    expect(told.out() + told.err()).not.toContain(hint);
  });
});
