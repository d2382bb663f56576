/** Assembles the RunData of a run from the check results, in spec order. */

import { specInfo } from '../../generated/schemas.js';
import type { OperationMeta } from '../../src/operation-meta.js';
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
    spec: { title: specInfo.title, version: specInfo.version },
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

/** Checks in report order: by operation (in the order given), documented statuses first, then by id. */
export function orderChecks(operationIds: readonly string[], results: readonly CheckResult[]): CheckResult[] {
  const order = new Map(operationIds.map((id, i) => [id, i]));
  return [...results].sort(
    (a, b) => (order.get(a.operationId) ?? 0) - (order.get(b.operationId) ?? 0) || rank(a) - rank(b) || a.id.localeCompare(b.id),
  );
}
