import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LIED_OPERATION } from '../../contract-tests/fixtures/lying-server.js';
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { KEYS, useLyingServer, useTempDir } from './helpers.js';

const run = promisify(execFile);
const server = useLyingServer();
const tmp = useTempDir('fungies-contract-');

/** Spawns the bin as a user would; exit code and output come back even when it fails. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'contract-tests/bin.ts', ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('fungies-contract run --target (spawned bin)', () => {
  it('fails against the lying server, naming every planted body lie, with masked keys and valid reports', async () => {
    const json = join(tmp.dir, 'report.json');
    const junit = join(tmp.dir, 'junit.xml');
    const result = await cli(
      ['run', '--target', server.url('all-body-lies'), '--operation', LIED_OPERATION, '--allow-writes', '--json', json, '--junit', junit],
      { FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey },
    );
    expect(result.code).toBe(1);
    for (const [pointer, rule] of [
      ['/status', 'const'],
      ['/data/order/id', 'format'],
      ['/data/order/number', 'pattern'],
      ['/data/order/status', 'enum'],
      ['/data/order/createdAt', 'format'],
      ['/data/order/totalItems', 'type'],
      ['/data/order/orderNumber', 'required'],
    ]) {
      expect(result.stdout).toContain(`✘ ${LIED_OPERATION} PATCH /v0/orders/{orderIdOrNumber}/cancel [200] ${pointer}: ${rule}`);
    }
    expect(result.stdout).toContain('Reproduce with:');
    expect(result.stdout).toContain("-H 'x-fngs-public-key: pub_****' -H 'x-fngs-secret-key: sec_****'");
    expect(result.stdout).toMatch(/✘ \d+ of \d+ checks failed/);
    const everything = result.stdout + result.stderr + (await readFile(json, 'utf8')) + (await readFile(junit, 'utf8'));
    expect(everything).not.toContain(KEYS.publicKey);
    expect(everything).not.toContain(KEYS.secretKey);

    const schema = JSON.parse(await readFile('contract-tests/report.schema.json', 'utf8')) as object;
    const validate = createAjv().compile(schema);
    const report = JSON.parse(await readFile(json, 'utf8')) as { checks: { kind: string; status?: string; outcome: string }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.checks.filter((c) => c.kind === 'status').map((c) => [c.status, c.outcome])).toEqual([
      ['200', 'failed'],
      ['400', 'passed'],
    ]);
    // The body lies break every 2xx: the positive-data checks see them too; nothing is rejected wrongly.
    expect(report.checks.filter((c) => c.outcome === 'failed').every((c) => c.kind === 'status' || c.kind === 'positive')).toBe(true);
    expect(await readFile(junit, 'utf8')).toMatch(
      new RegExp(`<testsuites name="fungies-contract" tests="${report.checks.length}" failures="\\d+" skipped="0"`),
    );
  });
});
