/**
 * The contract suite as vitest tests: one test per operation × documented status and one per
 * negative check, generated from generated/operations.ts. The checks live in engine/; each test
 * stores its CheckResult in `task.meta.contract` for the fungies-contract report.
 */
import { describe, expect, inject, test } from 'vitest';
import { listOperations } from '../src/operations.js';
import { planChecks, runCheck, type EngineConfig } from './engine/checks.js';
import { plainColors } from './engine/colors.js';
import { MOCK_KEYS } from './engine/config.js';
import { formatCheckBlock } from './engine/report.js';
import { selectOperations } from './engine/select.js';
import type { CheckResult } from './engine/types.js';

declare module 'vitest' {
  interface TaskMeta {
    contract?: CheckResult;
  }
}

const config = inject('contractConfig');
const keys = config.kind === 'prism' ? MOCK_KEYS : { publicKey: process.env['FUNGIES_PUBLIC_KEY'] ?? '', secretKey: process.env['FUNGIES_SECRET_KEY'] || undefined };
const engine: EngineConfig = {
  target: { baseUrl: config.targetUrl, publicKey: keys.publicKey, secretKey: keys.secretKey, timeoutMs: config.timeoutMs },
  kind: config.kind,
  allowWrites: config.allowWrites,
  strict: config.strict,
};
const operations = selectOperations(listOperations(), config.operation);
const checks = planChecks(operations);

for (const operation of operations) {
  describe(`${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`, () => {
    for (const check of checks.filter((c) => c.operation === operation)) {
      test(check.id, async ({ task, skip }) => {
        const result = await runCheck(check, engine);
        task.meta.contract = result;
        if (result.outcome === 'skipped') skip(result.reason);
        if (result.outcome === 'failed') expect.fail(`\n${formatCheckBlock(result, plainColors)}`);
      });
    }
  });
}

if (operations.length === 0) {
  test('the --operation filter selects at least one operation', () => {
    expect.fail(`no operation matches ${JSON.stringify(config.operation)}`);
  });
}
