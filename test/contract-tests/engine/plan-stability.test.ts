/**
 * The plan of the bundled spec, pinned: every planned check (its id, kind, variant, request,
 * workflow and own plan) and every operation's valid request, for three seeds. Planning may get
 * faster; what it plans may not change unless this digest is updated on purpose, in the same commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../../contract-tests/engine/checks.js';
import { buildRequest } from '../../../contract-tests/engine/request-builder.js';
import { specOperationList } from '../../../contract-tests/spec/model.js';

/** Operations are written as their operationId: the plan names them, it does not copy them. */
const byId = (key: string, value: unknown): unknown => {
  if ((key !== 'operation' && key !== 'operations') || !value || typeof value !== 'object') return value;
  return Array.isArray(value) ? value.map((o: { operationId: string }) => o.operationId) : (value as { operationId: string }).operationId;
};

function renderPlan(seed: number): string {
  const operations = specOperationList();
  const lines = operations.map((op) => {
    try {
      return JSON.stringify({ valid: op.operationId, request: buildRequest(op) });
    } catch (err) {
      return JSON.stringify({ valid: op.operationId, error: (err as Error).message });
    }
  });
  for (const c of planChecks(operations, { seed })) {
    const { operation, ...rest } = c;
    lines.push(JSON.stringify({ op: operation.operationId, ...rest }, byId));
  }
  return lines.join('\n');
}

/** sha256 of renderPlan(seed), and its line count (operations + checks), as planned before any planning speed-up. */
const PINNED: Record<number, { lines: number; sha256: string }> = {
  0: { lines: 963, sha256: 'aa24d449681604da87b46fe56721a950ae66e975be344458d3959d50efad06ab' },
  1: { lines: 963, sha256: '702e109e8e522bc146d189ed340dfb3b390c7c7d5ce44c001e3ce22f5289df17' },
  2: { lines: 963, sha256: '03b42349095e29c86a56c03cc3df4b8fa03d2386805c223a37390c49d49d0fc2' },
};

describe('the plan of the bundled spec', () => {
  for (const [seed, pinned] of Object.entries(PINNED)) {
    it(`is unchanged for seed ${seed}`, () => {
      const text = renderPlan(Number(seed));
      expect({ lines: text.split('\n').length, sha256: createHash('sha256').update(text).digest('hex') }).toEqual(pinned);
    });
  }
});
