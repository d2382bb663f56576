/** `fungies-contract run`: the contract suite against a Prism mock of the spec (default) or `--target`. */
import { resolve } from 'node:path';
import { FungiesConfigError } from '../../src/errors.js';
import { parseHttpUrl } from '../../src/http-url.js';
import { listOperations } from '../../src/operations.js';
import { normalizeOptions } from '../../src/options.js';
import { planChecks } from '../engine/checks.js';
import { colorsFor } from '../engine/colors.js';
import { type EngineConfig, MOCK_KEYS } from '../engine/config.js';
import { OUTCOME_MARK } from '../engine/coverage.js';
import { targetSecrets } from '../engine/exchange.js';
import { formatJson } from '../engine/json-report.js';
import { formatJUnit } from '../engine/junit.js';
import { randomSeed } from '../engine/random.js';
import { formatReport } from '../engine/report.js';
import { runChecks } from '../engine/run-checks.js';
import { buildRunData } from '../engine/run-data.js';
import { printable, sanitize } from '../engine/safe-text.js';
import { selectOperations } from '../engine/select.js';
import type { CheckResult, RunData, TargetKind } from '../engine/types.js';
import { type PrismHandle, PrismMissingError, startPrism } from '../prism.js';
import { SPEC_FILE } from '../spec-path.js';
import { EXIT, usageError } from './errors.js';
import type { Io } from './io.js';
import { checkReportPath, writeReport } from './report-file.js';

export interface RunOptions {
  /** Server under test; falls back to FUNGIES_BASE_URL; unset: a Prism mock started for the run. */
  target?: string | undefined;
  /** The target is a Prism mock: every documented status is asked for with `Prefer: code=`. */
  targetIsPrism: boolean;
  operation?: string | undefined;
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
  /** The spec the Prism mock serves (default openapi/api-docs.yaml); tests give it a doctored copy. No CLI flag: the checks always use the generated validators. */
  prismSpec?: string | undefined;
}

const PRISM_LOG_LINES = 40;

export async function runCommand(options: RunOptions, io: Io): Promise<{ code: number; data: RunData }> {
  const targetUrl = options.target ?? (io.env['FUNGIES_BASE_URL'] || undefined);
  const operations = selectOperations(listOperations(), options.operation);
  if (operations.length === 0) {
    const tags = [...new Set(listOperations().flatMap((op) => op.tags))].sort();
    throw usageError(
      `--operation ${JSON.stringify(options.operation)} matches no operation: give an operationId, a tag (${tags.join(', ')}) or a glob such as "*Orders*"`,
    );
  }
  if (options.json) await checkReportPath('--json', resolve(io.cwd, options.json));
  if (options.junit) await checkReportPath('--junit', resolve(io.cwd, options.junit));
  if (targetUrl) await checkTarget(targetUrl, io, options.timeoutMs, !options.targetIsPrism);
  let prism: PrismHandle | undefined;
  if (!targetUrl) {
    try {
      prism = await startPrism({ spec: options.prismSpec ?? SPEC_FILE, cwd: io.cwd });
    } catch (err) {
      if (err instanceof PrismMissingError) throw usageError(err.message);
      throw usageError(`cannot start the Prism mock of ${options.prismSpec ?? SPEC_FILE}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const url = targetUrl ?? prism!.url;
  const kind: TargetKind = prism || options.targetIsPrism ? 'prism' : 'live';
  // A Prism mock checks that key headers are there, not their values: it gets the mock keys.
  const keys = kind === 'prism' ? MOCK_KEYS : envKeys(io);
  const config: EngineConfig = {
    target: {
      baseUrl: url,
      publicKey: keys.publicKey,
      secretKey: keys.secretKey,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
    },
    kind,
    allowWrites: options.allowWrites,
    strict: options.strict,
    maxResponseTimeMs: options.maxResponseTimeMs,
  };
  const seed = options.seed ?? randomSeed();
  const checks = planChecks(operations, { seed });
  io.stderr.write(
    `==> fungies-contract: ${operations.length} operation(s), ${checks.length} checks (seed ${seed}) against ${prism ? `a Prism mock of the spec at ${url}` : url}\n`,
  );
  const startedAt = new Date();
  let results: CheckResult[];
  try {
    results = await runChecks(checks, config, {
      onResult: progress(
        checks.map((c) => c.operation.operationId),
        io,
      ),
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
  if (options.json) await writeReport('--json', resolve(io.cwd, options.json), formatJson(data));
  if (options.junit) await writeReport('--junit', resolve(io.cwd, options.junit), formatJUnit(data));
  const failed = data.checks.some((ch) => ch.outcome === 'failed');
  if (failed && prism) {
    const log = prism.output().trimEnd().split('\n').slice(-PRISM_LOG_LINES).map(printable).join('\n');
    io.stdout.write(`\n${c.dim(`Prism output (last ${PRISM_LOG_LINES} lines):\n${log}`)}\n`);
  }
  if (!failed && data.checks.every((ch) => ch.outcome === 'skipped')) {
    io.stderr.write(`fungies-contract: ${nothingRan(data.checks)}\n`);
    return { code: EXIT.usage, data };
  }
  return { code: failed ? EXIT.failures : EXIT.pass, data };
}

/** A run that checked nothing proves nothing: say why every check was skipped. */
function nothingRan(checks: readonly CheckResult[]): string {
  const reasons = [...new Set(checks.map((ch) => ch.reason ?? 'no reason given'))];
  return `no check ran: all ${checks.length} were skipped (${reasons.slice(0, 3).join('; ')})`;
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
const envKeys = (io: Io) => ({ publicKey: io.env['FUNGIES_PUBLIC_KEY'] ?? '', secretKey: io.env['FUNGIES_SECRET_KEY'] || undefined });

/**
 * A target needs a URL that parses, a well-formed public key, and to answer at all.
 * `needsKeys`: false for a Prism target, which gets the mock keys.
 */
async function checkTarget(targetUrl: string, io: Io, timeoutMs: number, needsKeys: boolean): Promise<void> {
  const url = parseHttpUrl(targetUrl, { field: '--target', example: 'https://api.fungies.io', base: true });
  if (typeof url === 'string') throw usageError(url);
  if (needsKeys && !io.env['FUNGIES_PUBLIC_KEY']) {
    throw usageError(
      'FUNGIES_PUBLIC_KEY is not set: export your pub_… key before running against a target (keys are read from the environment, never from flags)',
    );
  }
  try {
    if (needsKeys) normalizeOptions({ ...envKeys(io), baseUrl: targetUrl });
  } catch (err) {
    if (err instanceof FungiesConfigError)
      throw usageError(
        `${err.option === 'publicKey' ? 'FUNGIES_PUBLIC_KEY' : err.option === 'secretKey' ? 'FUNGIES_SECRET_KEY' : err.option}: ${err.message}`,
      );
    throw err;
  }
  try {
    const probe = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(Math.min(timeoutMs, 10_000)) });
    // Only whether it answers: the body is never read.
    await probe.body?.cancel().catch(() => undefined);
  } catch (err) {
    const inner = (err as { cause?: { code?: string; message?: string } }).cause;
    const cause = inner?.code ?? inner?.message ?? (err as Error).message;
    throw usageError(`cannot reach ${url.origin} (${cause}): is the server running and the URL right?`);
  }
}
