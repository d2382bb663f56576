/**
 * Runs the vitest `contract` project in this process and collects each test's CheckResult
 * (`task.meta.contract`), printing one progress line per operation to stderr as it finishes.
 */
import { fileURLToPath } from 'node:url';
import type { Reporter, TestCase, TestSuite } from 'vitest/node';
import { startVitest } from 'vitest/node';
import { CONFIG_ENV, type SuiteConfig } from './engine/config.js';
import type { CheckResult } from './engine/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface SuiteRun {
  results: CheckResult[];
  /** Failures that are not contract findings: a crash in the suite or the engine. */
  errors: string[];
}

export async function runContractSuite(config: SuiteConfig & { targetUrl: string }, progress: (line: string) => void, total: number): Promise<SuiteRun> {
  process.env[CONFIG_ENV] = JSON.stringify(config);
  const results: CheckResult[] = [];
  const errors: string[] = [];
  let done = 0;
  const reporter: Reporter = {
    onTestCaseResult(testCase: TestCase) {
      const result = testCase.meta().contract;
      if (result) results.push(result);
      else if (testCase.result().state === 'failed') errors.push(`${testCase.fullName}: ${testCase.result().errors?.map((e) => e.message).join('; ') ?? 'failed'}`);
    },
    onTestSuiteResult(suite: TestSuite) {
      done++;
      const marks = [...suite.children.allTests()].map((t) => ({ passed: '✔', failed: '✘', skipped: '–', pending: '…' })[t.result().state] ?? '?');
      progress(`[${done}/${total}] ${suite.name} ${marks.join('')}`);
    },
    onTestRunEnd(modules, unhandled) {
      for (const m of modules) for (const e of m.errors()) errors.push(`${m.moduleId}: ${e.message}`);
      for (const e of unhandled) errors.push(e.message);
    },
  };
  const vitest = await startVitest('test', [], {
    root: ROOT,
    config: fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
    project: ['contract'],
    run: true,
    watch: false,
    reporters: [reporter],
  });
  await vitest.close();
  return { results, errors };
}
