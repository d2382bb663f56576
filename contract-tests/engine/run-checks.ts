/** The engine's loop: runs planned checks a few at a time and hands each result back as it lands. */
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
  const results: CheckResult[] = new Array(checks.length);
  let failed = 0;
  const stopped = () => options.maxFailures !== undefined && failed >= options.maxFailures;
  // Checks that read a list across several requests run last, one at a time: the run's own writes would change it under them.
  const alone = (c: PlannedCheck) => checkModule(c.kind)?.alone === true;
  const indices = checks.map((_, i) => i);
  const pool = async (queue: number[], concurrency: number) => {
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const i = queue[next++]!;
        results[i] = stopped() ? notRun(checks[i]!, options.maxFailures!) : await runCheck(checks[i]!, config);
        if (results[i]!.outcome === 'failed') failed++;
        options.onResult?.(results[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  };
  await pool(
    indices.filter((i) => !alone(checks[i]!)),
    options.concurrency ?? 8,
  );
  await pool(
    indices.filter((i) => alone(checks[i]!)),
    1,
  );
  return results;
}

function notRun(check: PlannedCheck, maxFailures: number): CheckResult {
  return { ...checkResultBase(check), outcome: 'skipped', reason: `not run: --max-failures ${maxFailures} reached` };
}
