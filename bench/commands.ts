/** Wall time of the project's own commands: spec:check, and a contract run against a Prism mock. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPrism } from '../contract-tests/prism.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { type Spread, spread } from './stats.js';

const CONTRACT_BIN = 'contract-tests/dist/contract-tests/bin.js';

export interface CommandRun {
  ms: number;
  code: number;
  output: string;
}

function runCommand(cmd: string, args: string[], env: Record<string, string> = {}, timeout = 180_000): Promise<CommandRun> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ ms: performance.now() - start, code, output: `${stdout}${stderr}` });
      },
    );
  });
}

const TIME = '/usr/bin/time';
const CPU_MARK = 'bench-cpu-seconds';

/**
 * Wall time of `npm run spec:check`, and its CPU time (user + system, children included) where
 * /usr/bin/time exists: on a shared machine the wall time grows with the load, the CPU time much less.
 */
export async function measureSpecCheck(samples: number): Promise<{ ms: Spread; cpuMs?: Spread }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const timed = existsSync(TIME);
  for (let i = 0; i < samples; i++) {
    const r = timed
      ? await runCommand(TIME, ['-f', `${CPU_MARK} %U %S`, 'npm', 'run', '-s', 'spec:check'])
      : await runCommand('npm', ['run', '-s', 'spec:check']);
    if (r.code !== 0) throw new Error(`spec:check failed:\n${r.output}`);
    times.push(r.ms);
    const m = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(r.output);
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return cpu.length === times.length ? { ms: spread(times), cpuMs: spread(cpu) } : { ms: spread(times) };
}

export interface ContractResult {
  prismStartMs: number;
  /** Whole CLI process, start to exit. */
  wallMs: Spread;
  /** The part of the run the report accounts for (its durationMs): the checks themselves. */
  checksMs: Spread | undefined;
  /** Wall minus checks: loading the CLI, the engine and the runner. */
  startupMs: Spread | undefined;
  checks: number | undefined;
  exitCodes: number[];
  /** The same run as two shards started side by side (--shard 1/2 and 2/2, one seed): until both exit. */
  twoShardsWallMs?: Spread;
  /** `fungies-contract merge` of the two shard reports. */
  mergeMs?: Spread;
}

const BENCH_KEYS = { FUNGIES_PUBLIC_KEY: 'pub_BenchPublicKey123456', FUNGIES_SECRET_KEY: 'sec_BenchSecretKey123456' };

/**
 * The contract CLI run against an already-running Prism mock, so Prism's own start-up is not in
 * the figure. Only the documented interface is used (`run --target --target-is-prism --json`);
 * a report without `durationMs` leaves the split unknown rather than failing the bench.
 */
export async function measureContract(samples: number): Promise<ContractResult> {
  // The compiled CLI, as an installed package runs it (`npm run build` puts it in dist/).
  if (!existsSync(CONTRACT_BIN)) await promisify(execFile)('npm', ['run', '-s', 'build'], { timeout: 300_000 });
  const prismStart = performance.now();
  const prism = await startPrism({ spec: SPEC_PATH });
  const prismStartMs = performance.now() - prismStart;
  const dir = await mkdtemp(join(tmpdir(), 'fungies-bench-'));
  try {
    const wall: number[] = [];
    const checks: number[] = [];
    const codes: number[] = [];
    const sharded: number[] = [];
    const merges: number[] = [];
    let count: number | undefined;
    for (let i = 0; i < samples; i++) {
      const json = join(dir, `report-${i}.json`);
      const run = ['run', '--target', prism.url, '--target-is-prism', '--seed', '1'];
      const r = await runCommand(process.execPath, [CONTRACT_BIN, ...run, '--json', json], BENCH_KEYS);
      if (r.code !== 0 && r.code !== 1) throw new Error(`the contract run failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
      wall.push(r.ms);
      codes.push(r.code);
      const report = JSON.parse(await readFile(json, 'utf8').catch(() => '{}')) as { durationMs?: unknown; checks?: unknown[] };
      if (typeof report.durationMs === 'number') checks.push(report.durationMs);
      if (Array.isArray(report.checks)) count = report.checks.length;
      // What a CI matrix of two jobs does on one machine: both shards at once, then the merge.
      const shardStart = performance.now();
      const shards = await Promise.all(
        [1, 2].map((k) =>
          runCommand(
            process.execPath,
            [CONTRACT_BIN, ...run, '--shard', `${k}/2`, '--json', join(dir, `shard-${i}-${k}.json`)],
            BENCH_KEYS,
          ),
        ),
      );
      sharded.push(performance.now() - shardStart);
      const bad = shards.find((s) => s.code !== 0 && s.code !== 1);
      if (bad) throw new Error(`a shard failed (exit ${bad.code}):\n${bad.output.slice(-2000)}`);
      const merged = await runCommand(process.execPath, [
        CONTRACT_BIN,
        'merge',
        join(dir, `shard-${i}-1.json`),
        join(dir, `shard-${i}-2.json`),
        '--json',
        join(dir, `merged-${i}.json`),
      ]);
      if (merged.code !== 0 && merged.code !== 1) throw new Error(`merge failed (exit ${merged.code}):\n${merged.output.slice(-2000)}`);
      merges.push(merged.ms);
    }
    const split = checks.length === wall.length;
    return {
      prismStartMs,
      wallMs: spread(wall),
      checksMs: split ? spread(checks) : undefined,
      startupMs: split ? spread(wall.map((w, i) => w - checks[i]!)) : undefined,
      checks: count,
      exitCodes: codes,
      twoShardsWallMs: spread(sharded),
      mergeMs: spread(merges),
    };
  } finally {
    await prism.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
