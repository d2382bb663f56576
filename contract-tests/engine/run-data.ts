/** Assembles the RunData of a run from the check results, in spec order. */

import type { OperationMeta } from '../../src/operation-meta.js';
import { activeSpec } from '../spec/model.js';
import { reportedOperation } from './finding.js';
import type { CheckResult, RunData, ShardInfo, TargetKind } from './types.js';

export interface RunInfo {
  targetUrl: string;
  kind: TargetKind;
  operationFilter?: string | undefined;
  excludeFilter?: string | undefined;
  /** Set for a shard's run: which part of how many, and how many checks the whole plan has. */
  shard?: ShardInfo | undefined;
  /** The target's name in the config file (`--target-name`). */
  targetName?: string | undefined;
  strict: boolean;
  allowWrites: boolean;
  startedAt: Date;
  durationMs: number;
  seed?: number | undefined;
}

export function buildRunData(operations: readonly OperationMeta[], results: readonly CheckResult[], info: RunInfo): RunData {
  const checks = orderChecks(
    operations.map((op) => op.operationId),
    results,
  );
  return {
    tool: 'fungies-contract',
    spec: { ...activeSpec().info, source: activeSpec().origin() },
    target: { url: info.targetUrl, kind: info.kind, ...(info.targetName ? { name: info.targetName } : {}) },
    ...(info.operationFilter ? { operationFilter: info.operationFilter } : {}),
    ...(info.excludeFilter ? { excludeFilter: info.excludeFilter } : {}),
    ...(info.shard ? { shard: info.shard } : {}),
    strict: info.strict,
    allowWrites: info.allowWrites,
    startedAt: info.startedAt.toISOString(),
    durationMs: Math.round(info.durationMs),
    operations: operations.map((op) => ({ ...reportedOperation(op), statuses: Object.keys(op.responses) })),
    checks,
    ...(info.seed !== undefined ? { seed: info.seed } : {}),
    created: checks.flatMap((c) => (c.created ? [c.created].flat() : [])),
  };
}

const rank = (c: CheckResult) => (c.kind === 'status' ? 0 : 1);

/** `a.localeCompare(b)`, by definition, with the collator built once instead of once per comparison. */
let collator: Intl.Collator | undefined;
const compareIds = (a: string, b: string): number => {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
};

/** Checks in report order: by operation (in the order given), documented statuses first, then by id. */
export function orderChecks(operationIds: readonly string[], results: readonly CheckResult[]): CheckResult[] {
  const order = new Map(operationIds.map((id, i) => [id, i]));
  return [...results].sort(
    (a, b) => (order.get(a.operationId) ?? 0) - (order.get(b.operationId) ?? 0) || rank(a) - rank(b) || compareIds(a.id, b.id),
  );
}
