/**
 * The consumer workflow shipped with the kit (contract-tests/examples/github-actions/contract.yml),
 * run locally as GitHub would: its shard step's command for every shard of a target side by side,
 * then its merge step's command over their reports; the merged report must equal one unsharded run.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../contract-tests/cli.js';
import type { CheckResult, RunData } from '../../contract-tests/engine/types.js';
import { KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const WORKFLOW = 'contract-tests/examples/github-actions/contract.yml';
const BIN = resolve('contract-tests/bin.ts');
const TSX = import.meta.resolve('tsx');
const RUN_ID = '4242';

const server = useLyingServer();
const tmp = useTempDir('fungies-workflow-');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  env?: Record<string, string>;
  strategy: { matrix: Record<string, (string | number)[]> };
  steps: Step[];
}
interface Workflow {
  env: Record<string, string | number>;
  jobs: { shard: Job; merge: Job };
}

/** `${{ … }}` as GitHub would fill it in, for the contexts the workflow uses. */
function expand(text: string, matrix: Record<string, string | number>): string {
  const secrets: Record<string, string> = {
    FUNGIES_PUBLIC_KEY_STAGING_EU: KEYS.publicKey,
    FUNGIES_SECRET_KEY_STAGING_EU: KEYS.secretKey,
    FUNGIES_LIVE_PUBLIC_KEY: KEYS.publicKey,
  };
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
    const [context, name] = expr.split('.') as [string, string];
    if (context === 'github' && name === 'run_id') return RUN_ID;
    if (context === 'matrix' && name in matrix) return String(matrix[name]);
    if (context === 'secrets' && name in secrets) return secrets[name]!;
    throw new Error(`the test does not know ${expr}`);
  });
}

const envOf = (maps: (Record<string, string | number> | undefined)[], matrix: Record<string, string | number>) =>
  Object.fromEntries(maps.flatMap((m) => Object.entries(m ?? {})).map(([k, v]) => [k, expand(String(v), matrix)]));

/** Runs one `run:` step with bash as the runner does; resolves with its exit code. */
function runStep(command: string, cwd: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-e', '-c', command], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? cwd, NO_COLOR: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

const comparable = (c: CheckResult) => {
  const { durationMs: _ms, ...rest } = c;
  return JSON.parse(JSON.stringify(rest).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')) as unknown;
};

describe('the GitHub Actions example', () => {
  it('has a shards × targets matrix, a merge job that runs after failures, artifacts and the step summary', async () => {
    const wf = parse(await readFile(WORKFLOW, 'utf8')) as Workflow;
    const { shard, merge } = wf.jobs;
    expect(Object.keys(shard.strategy.matrix).sort()).toEqual(['shard', 'target']);
    expect(shard.strategy.matrix['shard']).toHaveLength(Number(wf.env['SHARDS']));
    expect(merge.strategy.matrix['target']).toEqual(shard.strategy.matrix['target']);
    expect([merge.needs, merge.if]).toEqual(['shard', 'always()']);
    for (const job of [shard, merge])
      expect(job.steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && s.if === 'always()')).toBe(true);
    expect(merge.steps.some((s) => s.uses?.startsWith('actions/download-artifact'))).toBe(true);
    expect(merge.steps.find((s) => s.run?.includes('merge'))?.run).toContain('--summary "$GITHUB_STEP_SUMMARY"');
  });

  it("runs the shard steps side by side, then the merge step, and the merged report equals one unsharded run's", async () => {
    const wf = parse(await readFile(WORKFLOW, 'utf8')) as Workflow;
    const { shard, merge } = wf.jobs;
    const shardStep = shard.steps.find((s) => s.run?.includes('fungies-contract run'))!;
    const mergeStep = merge.steps.find((s) => s.run?.includes('fungies-contract merge'))!;

    // A consumer project: the kit's bin where npx finds it, the config naming the matrix's targets.
    const project = tmp.dir;
    await mkdir(join(project, 'node_modules/.bin'), { recursive: true });
    await writeFile(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
    const shim = join(project, 'node_modules/.bin/fungies-contract');
    await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" --import "${TSX}" "${BIN}" "$@"\n`);
    await chmod(shim, 0o755);
    const targets = shard.strategy.matrix['target'] as string[];
    expect(targets).toEqual(['staging-eu', 'live-readonly']);
    await writeFile(
      join(project, 'fungies-contract.config.json'),
      JSON.stringify({
        targets: {
          // Small selections keep the test's cost modest; a failing target and a passing one.
          'staging-eu': { baseUrl: server.url('all-body-lies'), allowWrites: true, operations: 'orders' },
          'live-readonly': { baseUrl: server.url('honest'), operations: 'discounts', publicKeyEnv: 'FUNGIES_LIVE_PUBLIC_KEY' },
        },
      }),
    );

    for (const target of targets) {
      const shards = shard.strategy.matrix['shard'] as number[];
      const results = await Promise.all(
        shards.map((k) => {
          const matrix = { target, shard: k };
          return runStep(shardStep.run!, project, envOf([wf.env, shard.env, shardStep.env], matrix));
        }),
      );
      for (const r of results) expect(r.code, r.output).toBeLessThanOrEqual(1);

      const summary = join(project, `summary-${target}.md`);
      const merged = await runStep(mergeStep.run!, project, {
        ...envOf([wf.env, merge.env, mergeStep.env], { target }),
        GITHUB_STEP_SUMMARY: summary,
      });

      // The unsharded run, in this process: one spawn fewer on a busy machine.
      const wholeIo = { ...memoryIo('', { NO_COLOR: '1', ...envOf([shard.env], {}) }), cwd: project };
      const whole = { code: await main(['run', '--target-name', target, '--seed', RUN_ID, '--json', `whole-${target}.json`], wholeIo) };
      expect(merged.code, merged.output + wholeIo.err()).toBe(whole.code);
      expect(whole.code, target).toBe(target === 'staging-eu' ? 1 : 0);
      const expected = JSON.parse(await readFile(join(project, `whole-${target}.json`), 'utf8')) as RunData;
      const report = JSON.parse(await readFile(join(project, `merged/${target}.json`), 'utf8')) as RunData;
      expect(report.target.name).toBe(target);
      expect(report.operations).toEqual(expected.operations);
      expect(report.checks.map(comparable)).toEqual(expected.checks.map(comparable));
      expect(await readFile(join(project, `merged/${target}.html`), 'utf8')).toContain('<!doctype html>');
      expect(await readFile(join(project, `merged/${target}.xml`), 'utf8')).toContain(`tests="${expected.checks.length}"`);
      expect(await readFile(summary, 'utf8')).toMatch(/^## fungies-contract: /);
    }
  }, 240_000);
});
