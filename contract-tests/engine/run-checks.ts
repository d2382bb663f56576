/** The engine's loop: runs planned checks a few at a time and hands each result back as it lands. */
import { validatorSource } from '../validation/validator-source.js';
import { checkModule } from './check-registry.js';
import { checkResultBase, type PlannedCheck, runCheck } from './checks.js';
import type { EngineConfig } from './config.js';
import type { CheckResult } from './types.js';

export interface RunChecksOptions {
  /** Requests in flight at once; a live API's rate limit may want 1. */
  concurrency?: number;
  onResult?: (result: CheckResult) => void;
  /** No check starts once this many failed; those not started come back skipped, saying why. */
  maxFailures?: number;
}

export async function runChecks(
  checks: readonly PlannedCheck[],
  config: EngineConfig,
  options: RunChecksOptions = {},
): Promise<CheckResult[]> {
  // Checks judge bodies synchronously: the operations' body validators are loaded first.
  await validatorSource().load(checks.map((c) => c.operation.operationId));
  const results: CheckResult[] = new Array(checks.length);
  let failed = 0;
  const stopped = () => options.maxFailures !== undefined && failed >= options.maxFailures;
  const run = async (phase: number[]) => {
    let next = 0;
    const worker = async () => {
      while (next < phase.length) {
        const i = phase[next++]!;
        results[i] = stopped() ? notRun(checks[i]!, options.maxFailures!) : await runCheck(checks[i]!, config);
        if (results[i]!.outcome === 'failed') failed++;
        options.onResult?.(results[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, phase.length)) }, worker));
  };
  // Quiet checks compare answers across requests: they start once every write of the run is done.
  const quiet = checks.map((c) => checkModule(c.kind)?.quiet === true);
  await run(checks.flatMap((_, i) => (quiet[i] ? [] : [i])));
  await run(checks.flatMap((_, i) => (quiet[i] ? [i] : [])));
  return results;
}

function notRun(check: PlannedCheck, maxFailures: number): CheckResult {
  return { ...checkResultBase(check), outcome: 'skipped', reason: `not run: --max-failures ${maxFailures} reached` };
}
