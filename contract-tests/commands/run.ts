/** `fungies-contract run`: the contract suite against a Prism mock of the spec (default) or `--target`. */
import { FungiesConfigError } from '../../src/errors.js';
import { parseHttpUrl } from '../../src/http-url.js';
import { normalizeOptions } from '../../src/options.js';
import { colorsFor } from '../engine/colors.js';
import { type EngineConfig, MOCK_KEYS } from '../engine/config.js';
import { OUTCOME_MARK } from '../engine/coverage.js';
import { targetSecrets } from '../engine/exchange.js';
import { randomSeed } from '../engine/random.js';
import { formatReport } from '../engine/report.js';
import { runChecks } from '../engine/run-checks.js';
import { buildRunData } from '../engine/run-data.js';
import { printable, sanitize } from '../engine/safe-text.js';
import type { Shard } from '../engine/shard.js';
import type { CheckResult, RunData, TargetKind } from '../engine/types.js';
import type { PrismHandle } from '../prism.js';
import { activeSpec } from '../spec/model.js';
import { EXIT, usageError } from './errors.js';
import type { Io } from './io.js';
import { planRun } from './plan.js';
import { checkReportPath, reportFiles, writeReports } from './report-file.js';
import { probeTarget } from './target-probe.js';

export interface RunOptions {
  /** Server under test; falls back to FUNGIES_BASE_URL; unset: a Prism mock started for the run. */
  target?: string | undefined;
  /** The target is a Prism mock: every documented status is asked for with `Prefer: code=`. */
  targetIsPrism: boolean;
  operation?: string | undefined;
  /** Operations left out: operationId, tag or glob, comma-separated (`--exclude`). */
  exclude?: string | undefined;
  allowWrites: boolean;
  strict: boolean;
  junit?: string | undefined;
  json?: string | undefined;
  timeoutMs: number;
  /** A slower response is a finding (`--max-response-time`). */
  maxResponseTimeMs?: number | undefined;
  /** A larger body is a finding, read no further (`--max-response-bytes`). */
  maxResponseBytes?: number | undefined;
  /** Seed of the generated requests; unset: a random one, printed in the report. */
  seed?: number | undefined;
  /** Runs only this part of the plan (`--shard k/n`); needs a seed, so every shard plans alike. */
  shard?: Shard | undefined;
  /** Stops starting checks once this many failed (`--max-failures`); the rest are reported skipped. */
  maxFailures?: number | undefined;
  /** The most pages a list is walked looking for its end (`--max-pages`). */
  maxPages?: number | undefined;
  /** Sent with every request (`-H name:value`); values are masked in every report. */
  headers?: Record<string, string> | undefined;
  /** The target's name in the config file (`--target-name`): the reports name it. */
  targetName?: string | undefined;
  /** The environment variables the keys come from (default FUNGIES_PUBLIC_KEY, FUNGIES_SECRET_KEY). */
  keyEnv?: KeyEnv | undefined;
  /** The spec the Prism mock serves (default: the active spec); tests give it a doctored copy while the checks keep the active spec. */
  prismSpec?: string | undefined;
}

const PRISM_LOG_LINES = 40;

export async function runCommand(options: RunOptions, io: Io): Promise<{ code: number; data: RunData }> {
  const targetUrl = options.target ?? (io.env['FUNGIES_BASE_URL'] || undefined);
  if (options.shard && options.seed === undefined)
    throw usageError('--shard needs --seed: every shard must plan the same requests (in a CI matrix, e.g. the workflow run id)');
  const seed = options.seed ?? randomSeed();
  const plan = planRun({ operation: options.operation, exclude: options.exclude, seed, shard: options.shard });
  const reports = reportFiles(options, io.cwd);
  for (const r of reports) await checkReportPath(r.flag, r.file);
  const keyEnv = options.keyEnv ?? DEFAULT_KEY_ENV;
  const looksLikePrism = targetUrl
    ? await checkTarget(targetUrl, io, options.timeoutMs, options.targetIsPrism ? undefined : keyEnv)
    : false;
  let prism: PrismHandle | undefined;
  if (!targetUrl) {
    // Loaded only for a run that starts its own mock.
    const { PrismMissingError, startPrism } = await import('../prism.js');
    try {
      prism = await startPrism({ spec: options.prismSpec ?? (await activeSpec().file()), cwd: io.cwd });
    } catch (err) {
      if (err instanceof PrismMissingError) throw usageError(err.message);
      throw usageError(
        `cannot start the Prism mock of ${options.prismSpec ?? activeSpec().origin().location}: ${(err as Error).message.split('\n')[0]}`,
      );
    }
  }
  const url = targetUrl ?? prism!.url;
  const kind: TargetKind = prism || options.targetIsPrism ? 'prism' : 'live';
  // A Prism mock checks that key headers are there, not their values: it gets the mock keys.
  const keys = kind === 'prism' ? MOCK_KEYS : envKeys(io, keyEnv);
  const config: EngineConfig = {
    target: {
      baseUrl: url,
      publicKey: keys.publicKey,
      secretKey: keys.secretKey,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      headers: options.headers,
    },
    kind,
    allowWrites: options.allowWrites,
    strict: options.strict,
    maxResponseTimeMs: options.maxResponseTimeMs,
    maxPages: options.maxPages,
  };
  const { checks } = plan;
  const operations = plan.operations.filter((op) => checks.some((c) => c.operation.operationId === op.operationId));
  const shardNote = options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${plan.all.length})` : '';
  io.stderr.write(
    `==> fungies-contract: ${operations.length} operation(s), ${checks.length} checks${shardNote} (seed ${seed}) against ${prism ? `a Prism mock of the spec at ${url}` : options.targetName ? `${options.targetName} (${url})` : url}\n`,
  );
  if (looksLikePrism)
    io.stderr.write(
      'fungies-contract: the target answers like a Prism mock: pass --target-is-prism to ask it for every documented status (its writes are harmless)\n',
    );
  const startedAt = new Date();
  let results: CheckResult[];
  try {
    const onResult = progress(
      checks.map((c) => c.operation.operationId),
      io,
    );
    results = await runChecks(checks, config, {
      onResult,
      ...(options.maxFailures !== undefined ? { maxFailures: options.maxFailures } : {}),
    });
  } finally {
    await prism?.stop();
  }
  // Everything the reports show passes through here: a server's text is shown, never obeyed.
  const data = sanitize(
    buildRunData(operations, results, {
      targetUrl: url,
      kind,
      operationFilter: options.operation,
      excludeFilter: options.exclude,
      targetName: options.targetName,
      ...(options.shard ? { shard: { ...options.shard, plannedChecks: plan.all.length } } : {}),
      strict: options.strict,
      allowWrites: options.allowWrites,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      seed,
    }),
    targetSecrets(config.target),
  );
  const c = colorsFor(io.stdout, io.env);
  io.stdout.write(`\n${formatReport(data, c)}\n`);
  await writeReports(reports, data, io);
  const failed = data.checks.some((ch) => ch.outcome === 'failed');
  if (failed && prism) {
    const log = prism.output().trimEnd().split('\n').slice(-PRISM_LOG_LINES).map(printable).join('\n');
    io.stdout.write(`\n${c.dim(`Prism output (last ${PRISM_LOG_LINES} lines):\n${log}`)}\n`);
  }
  // A shard is a part: that it ran nothing (an empty or all-skipped part) is for merge to judge on the whole.
  if (options.shard && !failed && data.checks.every((ch) => ch.outcome === 'skipped')) {
    const { index, count } = options.shard;
    io.stderr.write(
      `fungies-contract: shard ${index}/${count} ${checks.length === 0 ? 'has no checks (fewer operations than shards)' : `skipped all its ${checks.length} checks`}: merge judges the whole run\n`,
    );
    return { code: EXIT.pass, data };
  }
  return { code: exitCode(data, io), data };
}

/** 1 when a check failed; 2 when every check was skipped (a run that checked nothing proves nothing: says why); else 0. */
export function exitCode(data: RunData, io: Io): number {
  if (data.checks.some((ch) => ch.outcome === 'failed')) return EXIT.failures;
  if (data.checks.every((ch) => ch.outcome === 'skipped')) {
    const reasons = [...new Set(data.checks.map((ch) => ch.reason ?? 'no reason given'))];
    io.stderr.write(`fungies-contract: no check ran: all ${data.checks.length} were skipped (${reasons.slice(0, 3).join('; ')})\n`);
    return EXIT.usage;
  }
  return EXIT.pass;
}

/** One stderr line per operation once all its checks are in: `[3/39] GetV0OrdersList ✔✔–`. */
function progress(operationIds: readonly string[], io: Io): (result: CheckResult) => void {
  const pending = new Map<string, number>();
  for (const id of operationIds) pending.set(id, (pending.get(id) ?? 0) + 1);
  const marks = new Map<string, string>();
  const total = pending.size;
  let done = 0;
  return (result) => {
    const left = (pending.get(result.operationId) ?? 1) - 1;
    pending.set(result.operationId, left);
    marks.set(result.operationId, (marks.get(result.operationId) ?? '') + OUTCOME_MARK[result.outcome]);
    if (left === 0) io.stderr.write(`[${++done}/${total}] ${result.operationId} ${marks.get(result.operationId)}\n`);
  };
}

/** The keys of a live target: from the environment, never from flags (an empty secret is none). */
const envKeys = (io: Io, names: KeyEnv) => ({ publicKey: io.env[names.publicKey] ?? '', secretKey: io.env[names.secretKey] || undefined });

/** The names of the environment variables a target's keys are read from. */
export interface KeyEnv {
  publicKey: string;
  secretKey: string;
}

export const DEFAULT_KEY_ENV: KeyEnv = { publicKey: 'FUNGIES_PUBLIC_KEY', secretKey: 'FUNGIES_SECRET_KEY' };

/**
 * A target needs a URL that parses, a well-formed public key, and to answer at all.
 * `needsKeys`: false for a Prism target, which gets the mock keys.
 */
async function checkTarget(targetUrl: string, io: Io, timeoutMs: number, keyEnv: KeyEnv | undefined): Promise<boolean> {
  const needsKeys = keyEnv !== undefined;
  const url = parseHttpUrl(targetUrl, { field: '--target', example: 'https://api.fungies.io', base: true });
  if (typeof url === 'string') throw usageError(url);
  if (keyEnv && !io.env[keyEnv.publicKey]) {
    throw usageError(
      `${keyEnv.publicKey} is not set: export your pub_… key before running against a target (keys are read from the environment, never from flags)`,
    );
  }
  try {
    if (keyEnv) normalizeOptions({ ...envKeys(io, keyEnv), baseUrl: targetUrl });
  } catch (err) {
    if (err instanceof FungiesConfigError)
      throw usageError(
        `${err.option === 'publicKey' ? keyEnv!.publicKey : err.option === 'secretKey' ? keyEnv!.secretKey : err.option}: ${err.message}`,
      );
    throw err;
  }
  let text: string;
  try {
    text = await probeTarget(url, { timeoutMs: Math.min(timeoutMs, 10_000), maxBytes: PROBE_BYTES, readBody: needsKeys });
  } catch (err) {
    throw usageError(`cannot reach ${url.origin} (${(err as Error).message}): is the server running and the URL right?`);
  }
  // Prism answers a path the spec lacks with its own problem type: a live API never does.
  return needsKeys && text.includes(PRISM_ERROR_TYPE);
}

const PROBE_BYTES = 64 * 1024;
const PRISM_ERROR_TYPE = 'stoplight.io/prism/errors#';
