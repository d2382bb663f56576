/** Wall time of the project's own commands: spec:check, and a contract run against a Prism mock; the contract CLI's CPU per request. */
import { execFile, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FIXTURE_KEYS } from '../contract-tests/fixtures/lying-server.js';
import { startPrism } from '../contract-tests/prism.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../src/auth.js';
import { contenders, FLOOR } from './contenders.js';
import { startServerProcess } from './server.js';
import { type Spread, spread } from './stats.js';

const CONTRACT_BIN = 'contract-tests/dist/contract-tests/bin.js';
const COLD_FLOOR = fileURLToPath(new URL('./cold-floor.mjs', import.meta.url));

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

/** CPU seconds (user + system) of a finished process, from /usr/bin/time's line in its output. */
function cpuOf(run: CommandRun): number | undefined {
  const m = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(run.output);
  return m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined;
}

/** A process's CPU so far (user + system, ms), from /proc; undefined where there is none. */
async function processCpuMs(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Fields after the command name (which may hold spaces) start at state: utime is the 12th, stime the 13th.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : undefined;
}

/** The contract CLI against one target: CPU and wall of the process, the report's durationMs, the requests the target answered. */
export interface ContractCpuRun {
  cpuMs: Spread;
  wallMs: Spread;
  /** Wall minus the report's durationMs: loading, planning, reports, exit. */
  fixedMs: Spread;
  requests: number;
  /** (CPU of the run − CPU of `list` of the same plan) / requests: the CLI's own cost per request sent. */
  cpuPerRequestUs: Spread;
  /** That, divided by the transport floor's CPU per call sampled right before and after the same run (their mean). */
  perFloor: Spread;
  /** Prism's own CPU per request over the same runs (mock target only). */
  targetCpuPerRequestUs?: Spread;
  /**
   * The transport floor as a run pays it: a fresh node process sending as many GETs to the same
   * target with raw node:http (keep-alive, JSON.parse), less the same process sending none; CPU µs per request.
   */
  coldFloorCpuUs?: Spread;
}

export interface ContractCpuResult {
  /** Raw node:http on a keep-alive agent + JSON.parse: CPU of this process per call (µs), sequential; sampled before and after every run. */
  floorCpuUs: Spread;
  /** `fungies-contract list` of the same plan: loading and planning, no request sent. */
  listCpuMs: Spread;
  /** `--version`: loading the CLI only. */
  versionCpuMs: Spread;
  /** Against the lying fixture's honest server in its own process (`--allow-writes`). */
  loopback: ContractCpuRun;
  /** Against a running Prism mock (`--target-is-prism`). */
  prism: ContractCpuRun;
}

/**
 * The floor of bench/throughput.ts, raw node:http + keep-alive agent + JSON.parse, warmed once and
 * kept for the whole section: `sample()` is this process's CPU per call (µs) over `calls` sequential
 * calls, taken right before and right after every CLI run, so each run's ratio is against the floor
 * as the machine was while it ran.
 */
async function startWarmFloor(calls: number): Promise<{ sample(): Promise<number>; close(): Promise<void> }> {
  const server = await startServerProcess();
  const floor = contenders(server.url).find((c) => c.name === FLOOR)!;
  for (let i = 0; i < calls; i++) await floor.call();
  return {
    sample: async () => {
      const cpu = process.cpuUsage();
      for (let i = 0; i < calls; i++) await floor.call();
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / calls;
    },
    close: () => server.close(),
  };
}

interface CountingTarget {
  url: string;
  requests(): Promise<number>;
  close(): Promise<void>;
}

async function startCountingTarget(): Promise<CountingTarget> {
  const child = fork(new URL('./contract-target-main.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Record<string, unknown>));
      child.once('exit', (code) => reject(new Error(`the contract target exited (${code})`)));
    });
  const { url } = (await next()) as { url: string };
  return {
    url,
    requests: async () => {
      const answer = next();
      child.send('count');
      return Number((await answer)['requests']);
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/**
 * CPU of the contract CLI per request it sends, against a fast loopback server and against a
 * running Prism mock (whose own CPU is read from /proc and shown apart), with the fixed cost.
 * Needs /usr/bin/time (the CPU of a finished child process); without it the section is left out.
 */
export async function measureContractCpu(samples: number): Promise<ContractCpuResult | undefined> {
  if (!existsSync(TIME)) return undefined;
  if (!existsSync(CONTRACT_BIN)) await promisify(execFile)('npm', ['run', '-s', 'build'], { timeout: 300_000 });
  const timed = (args: string[], env: Record<string, string> = {}) =>
    runCommand(TIME, ['-f', `${CPU_MARK} %U %S`, process.execPath, CONTRACT_BIN, ...args], env);
  const floor = await startWarmFloor(2000);
  const floorSamples: number[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'fungies-bench-cpu-'));
  const list: number[] = [];
  const version: number[] = [];
  const measureTarget = async (
    url: string,
    args: string[],
    env: Record<string, string>,
    count: () => Promise<number>,
    targetCpu: () => Promise<number | undefined>,
    /** One GET the target answers with 200, and the key headers it wants. */
    floorGet: { url: string; headers: Record<string, string> },
  ): Promise<ContractCpuRun> => {
    const coldFloor: number[] = [];
    const floorProcess = async (n: number) => {
      const r = await runCommand(TIME, [
        '-f',
        `${CPU_MARK} %U %S`,
        process.execPath,
        COLD_FLOOR,
        floorGet.url,
        String(n),
        JSON.stringify(floorGet.headers),
      ]);
      const cpu = cpuOf(r);
      if (r.code !== 0 || cpu === undefined) throw new Error(`the cold floor probe failed (exit ${r.code}):\n${r.output.slice(-1000)}`);
      return cpu;
    };
    const cpu: number[] = [];
    const wall: number[] = [];
    const fixed: number[] = [];
    const perRequest: number[] = [];
    const perFloor: number[] = [];
    const target: number[] = [];
    let requests = 0;
    for (let i = 0; i < samples; i++) {
      const json = join(dir, `run-${i}.json`);
      const listed = await timed(['list', '--seed', '1']);
      const versioned = await timed(['--version']);
      const before = await count();
      const targetBefore = await targetCpu();
      const floorBefore = await floor.sample();
      const r = await timed(['run', '--target', url, '--seed', '1', ...args, '--json', json], env);
      const floorAfter = await floor.sample();
      floorSamples.push(floorBefore, floorAfter);
      if (r.code !== 0 && r.code !== 1) throw new Error(`the contract run failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
      const targetAfter = await targetCpu();
      requests = (await count()) - before;
      const report = JSON.parse(await readFile(json, 'utf8')) as { durationMs: number };
      const [runCpu, listCpu, versionCpu] = [cpuOf(r), cpuOf(listed), cpuOf(versioned)];
      if (runCpu === undefined || listCpu === undefined || versionCpu === undefined || requests <= 0)
        throw new Error(`the contract CPU could not be read:\n${r.output.slice(-500)}`);
      list.push(listCpu);
      version.push(versionCpu);
      cpu.push(runCpu);
      wall.push(r.ms);
      fixed.push(r.ms - report.durationMs);
      const us = ((runCpu - listCpu) * 1000) / requests;
      perRequest.push(us);
      perFloor.push(us / ((floorBefore + floorAfter) / 2));
      if (targetBefore !== undefined && targetAfter !== undefined) target.push(((targetAfter - targetBefore) * 1000) / requests);
      coldFloor.push((((await floorProcess(requests)) - (await floorProcess(0))) * 1000) / requests);
    }
    return {
      cpuMs: spread(cpu),
      wallMs: spread(wall),
      fixedMs: spread(fixed),
      requests,
      cpuPerRequestUs: spread(perRequest),
      perFloor: spread(perFloor),
      ...(target.length > 0 ? { targetCpuPerRequestUs: spread(target) } : {}),
      coldFloorCpuUs: spread(coldFloor),
    };
  };
  try {
    const server = await startCountingTarget();
    let loopback: ContractCpuRun;
    try {
      loopback = await measureTarget(
        server.url,
        ['--allow-writes'],
        { FUNGIES_PUBLIC_KEY: FIXTURE_KEYS.publicKey, FUNGIES_SECRET_KEY: FIXTURE_KEYS.secretKey },
        server.requests,
        async () => undefined,
        {
          url: `${server.url}/v0/orders/list`,
          headers: { [PUBLIC_KEY_HEADER]: FIXTURE_KEYS.publicKey, [SECRET_KEY_HEADER]: FIXTURE_KEYS.secretKey },
        },
      );
    } finally {
      await server.close();
    }
    const prism = await startPrism({ spec: SPEC_PATH });
    let mock: ContractCpuRun;
    try {
      // Prism writes one line per request it receives.
      const received = async () => prism.output().split('Request received').length - 1;
      mock = await measureTarget(prism.url, ['--target-is-prism'], BENCH_KEYS, received, () => processCpuMs(prism.pid), {
        url: `${prism.url}/v0/orders/list`,
        headers: { [PUBLIC_KEY_HEADER]: BENCH_KEYS.FUNGIES_PUBLIC_KEY, [SECRET_KEY_HEADER]: BENCH_KEYS.FUNGIES_SECRET_KEY },
      });
    } finally {
      await prism.stop();
    }
    return { floorCpuUs: spread(floorSamples), listCpuMs: spread(list), versionCpuMs: spread(version), loopback, prism: mock };
  } finally {
    await floor.close();
    await rm(dir, { recursive: true, force: true });
  }
}
