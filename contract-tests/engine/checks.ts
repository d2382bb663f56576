/**
 * Plans and runs the checks the registry lists (check-registry.ts): each module plans its checks
 * per operation (in registry order) or over the run, and runs its own. What every check shares
 * lives here: the skip rule for writes, the request built from the spec, redirects and latency
 * judged on every response, and the outcome from the findings.
 */
import { isSafeMethod, type OperationMeta } from '../../src/operation-meta.js';
import type { OperationPlan, Outcome, PlannedCheck } from './check-module.js';
import { CHECKS, checkModule } from './check-registry.js';
import { isWrite, unanswered } from './check-support.js';
import type { EngineConfig } from './config.js';
import type { Exchange } from './exchange.js';
import { finding, findingContext, reportedOperation } from './finding.js';
import { capFindings } from './finding-limits.js';
import { createRandom, type Random, seedFor } from './random.js';
import { buildRequest, type PlannedRequest } from './request-builder.js';
import type { CheckResult } from './types.js';

export type { CheckModule, PlannedCheck } from './check-module.js';
export { BAD_ID, isWrite } from './check-support.js';
export type { AuthName } from './checks/auth.js';
export type { EngineConfig } from './config.js';

export interface PlanOptions {
  /** Seeds the generated requests: the same seed plans the same requests. */
  seed?: number;
}

export function planChecks(operations: readonly OperationMeta[], options: PlanOptions = {}): PlannedCheck[] {
  const seed = options.seed ?? 0;
  const checks: PlannedCheck[] = [];
  operations.forEach((operation, index) => {
    let valid: PlannedRequest | undefined;
    try {
      valid = buildRequest(operation);
    } catch {
      // The status checks report why no request can be built.
    }
    let random: Random | undefined;
    const plan: OperationPlan = {
      operation,
      operations,
      index,
      seed,
      valid,
      random: () => (random ??= createRandom(seedFor(seed, operation.operationId))),
    };
    for (const module of CHECKS) checks.push(...(module.planOperation?.(plan) ?? []));
  });
  for (const module of CHECKS) checks.push(...(module.planRun?.({ operations, seed }) ?? []));
  return checks;
}

/** A check's result before it runs: what it is and where, passed with no findings. */
export function checkResultBase(check: PlannedCheck): CheckResult {
  const op = check.operation;
  return {
    id: check.id,
    kind: check.kind,
    ...reportedOperation(op),
    tags: [...op.tags],
    ...(check.status !== undefined ? { status: check.status } : {}),
    ...(check.name !== undefined ? { name: check.name } : {}),
    outcome: 'passed',
    findings: [],
    durationMs: 0,
  };
}

export async function runCheck(check: PlannedCheck, config: EngineConfig): Promise<CheckResult> {
  const started = performance.now();
  const op = check.operation;
  const base = checkResultBase(check);
  const done = ({ exchange, ...patch }: Outcome): CheckResult => {
    const result: CheckResult = { ...base, ...patch, durationMs: Math.round(performance.now() - started) };
    if (exchange?.request) result.request = exchange.request;
    if (exchange?.response) result.response = strip(exchange.response);
    const max = config.maxResponseTimeMs;
    if (max !== undefined && exchange?.elapsedMs !== undefined && exchange.elapsedMs > max && result.outcome !== 'skipped') {
      const late = finding(findingContext(op, exchange.response?.status), {
        kind: 'response',
        pointer: 'time',
        rule: 'max_response_time',
        expected: `a response within ${max} ms (--max-response-time)`,
        actual: `${Math.round(exchange.elapsedMs)} ms`,
      });
      result.findings = [...result.findings, late];
    }
    result.findings = capFindings(result.findings);
    result.findings = capFindings(result.findings);
    if (result.request) result.findings = result.findings.map((f) => ({ url: result.request!.url, ...f }));
    if (result.outcome !== 'skipped')
      result.outcome = result.findings.some((f) => config.strict || f.kind !== 'spec-defect') ? 'failed' : 'passed';
    return result;
  };
  const module = checkModule(check.kind);
  if (!module) return done({ outcome: 'skipped', reason: `no runner for ${check.kind}` });
  const skip = skipReason(check, config);
  if (skip) return done({ outcome: 'skipped', reason: skip });
  let planned: PlannedRequest;
  try {
    planned = check.request ?? buildRequest(op);
  } catch (err) {
    return done({ findings: [unanswered(op, 'request', 'build', 'a request built from the spec', (err as Error).message)] });
  }
  return done(await module.run(check, planned, config));
}

/** The module's own reason first (what its target cannot answer), then the rule for writes. */
export function skipReason(check: PlannedCheck, config: EngineConfig): string | undefined {
  const op = check.operation;
  const module = checkModule(check.kind);
  const own = module?.skip?.(check, config);
  if (own) return own;
  const method = module?.method?.(check) ?? op.method.toUpperCase();
  if (isSafeMethod(method)) return undefined;
  if (config.kind === 'live' && !config.allowWrites) return `${method} changes data: pass --allow-writes to run it against this target`;
  if (!config.target.secretKey && isWrite(op)) return 'needs the secret key: set FUNGIES_SECRET_KEY';
  return undefined;
}

function strip(response: NonNullable<Exchange['response']>): CheckResult['response'] {
  const { status, statusText, contentType, bodyExcerpt } = response;
  return { status, statusText, contentType, bodyExcerpt };
}
