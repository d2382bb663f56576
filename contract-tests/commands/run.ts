/** `fungies-contract run`: the contract suite against a Prism mock of the spec (default) or `--target`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { startPrism, type PrismHandle } from '../../scripts/lib/prism.js';
import { FungiesConfigError } from '../../src/errors.js';
import { listOperations } from '../../src/operations.js';
import { normalizeOptions } from '../../src/options.js';
import { planChecks } from '../engine/checks.js';
import { colorsFor } from '../engine/colors.js';
import { DEFAULT_SUITE_CONFIG, type SuiteConfig } from '../engine/config.js';
import { formatJson } from '../engine/json-report.js';
import { formatJUnit } from '../engine/junit.js';
import { formatReport } from '../engine/report.js';
import { buildRunData } from '../engine/run-data.js';
import { selectOperations } from '../engine/select.js';
import type { RunData } from '../engine/types.js';
import { SPEC_FILE } from '../spec-file.js';
import { runContractSuite } from '../vitest-run.js';
import { EXIT, usageError } from './errors.js';
import type { Io } from './io.js';

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
  /** The spec the Prism mock serves (default openapi/api-docs.yaml); tests give it a doctored copy. No CLI flag: the checks always use the generated validators. */
  prismSpec?: string | undefined;
}

const PRISM_LOG_LINES = 40;

export async function runCommand(options: RunOptions, io: Io): Promise<{ code: number; data: RunData }> {
  const targetUrl = options.target ?? (io.env['FUNGIES_BASE_URL'] || undefined);
  const operations = selectOperations(listOperations(), options.operation);
  if (operations.length === 0) {
    const tags = [...new Set(listOperations().flatMap((op) => op.tags))].sort();
    throw usageError(`--operation ${JSON.stringify(options.operation)} matches no operation: give an operationId, a tag (${tags.join(', ')}) or a glob such as "*Orders*"`);
  }
  if (targetUrl) await checkTarget(targetUrl, io, options.timeoutMs);
  let prism: PrismHandle | undefined;
  if (!targetUrl) {
    try {
      prism = await startPrism({ spec: options.prismSpec ?? SPEC_FILE });
    } catch (err) {
      throw usageError(`cannot start the Prism mock of ${options.prismSpec ?? SPEC_FILE}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const url = targetUrl ?? prism!.url;
  const kind = prism || options.targetIsPrism ? 'prism' : 'live';
  const config: SuiteConfig & { targetUrl: string } = {
    ...DEFAULT_SUITE_CONFIG,
    targetUrl: url,
    kind,
    allowWrites: options.allowWrites,
    strict: options.strict,
    timeoutMs: options.timeoutMs,
    ...(options.operation ? { operation: options.operation } : {}),
  };
  const checks = planChecks(operations).length;
  io.stderr.write(`==> fungies-contract: ${operations.length} operation(s), ${checks} checks against ${prism ? `a Prism mock of the spec at ${url}` : url}\n`);
  const startedAt = new Date();
  let run;
  try {
    run = await runContractSuite(config, (line) => io.stderr.write(`${line}\n`), operations.length);
  } finally {
    await prism?.stop();
  }
  const data = buildRunData(operations, run.results, {
    targetUrl: url,
    kind,
    operationFilter: options.operation,
    strict: options.strict,
    allowWrites: options.allowWrites,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const c = colorsFor(io.stdout, io.env);
  io.stdout.write(`\n${formatReport(data, c)}\n`);
  if (run.errors.length > 0) io.stdout.write(`\n${c.red(`✘ the suite itself failed:\n${run.errors.map((e) => `  ${e}`).join('\n')}`)}\n`);
  if (options.json) await writeReport(resolve(io.cwd, options.json), formatJson(data));
  if (options.junit) await writeReport(resolve(io.cwd, options.junit), formatJUnit(data));
  const failed = data.checks.some((ch) => ch.outcome === 'failed') || run.errors.length > 0;
  if (failed && prism) {
    const log = prism.output().trimEnd().split('\n').slice(-PRISM_LOG_LINES).join('\n');
    io.stdout.write(`\n${c.dim(`Prism output (last ${PRISM_LOG_LINES} lines):\n${log}`)}\n`);
  }
  return { code: failed ? EXIT.failures : EXIT.pass, data };
}

async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** A target needs a URL that parses, a well-formed public key, and to answer at all. */
async function checkTarget(targetUrl: string, io: Io, timeoutMs: number): Promise<void> {
  let url: URL;
  try {
    url = new URL(targetUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw usageError(`--target must be an absolute http(s) URL such as https://api.fungies.io, got ${JSON.stringify(targetUrl)}`);
  }
  if (!io.env['FUNGIES_PUBLIC_KEY']) {
    throw usageError('FUNGIES_PUBLIC_KEY is not set: export your pub_… key before running against a target (keys are read from the environment, never from flags)');
  }
  try {
    normalizeOptions({ publicKey: io.env['FUNGIES_PUBLIC_KEY'], secretKey: io.env['FUNGIES_SECRET_KEY'] || undefined, baseUrl: targetUrl });
  } catch (err) {
    if (err instanceof FungiesConfigError) throw usageError(`${err.option === 'publicKey' ? 'FUNGIES_PUBLIC_KEY' : err.option === 'secretKey' ? 'FUNGIES_SECRET_KEY' : err.option}: ${err.message}`);
    throw err;
  }
  try {
    await fetch(url, { method: 'GET', signal: AbortSignal.timeout(Math.min(timeoutMs, 10_000)) });
  } catch (err) {
    const inner = (err as { cause?: { code?: string; message?: string } }).cause;
    const cause = inner?.code ?? inner?.message ?? (err as Error).message;
    throw usageError(`cannot reach ${url.origin} (${cause}): is the server running and the URL right?`);
  }
}
