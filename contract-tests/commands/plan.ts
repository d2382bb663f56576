/**
 * What a run (or `list`) will check: the operations the filters select, every check planned for
 * them with the seed, and the shard each operation lands in. Planning the whole selection before
 * cutting a shard out is what makes the shards of one seed add up to the unsharded run.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { type PlannedCheck, planChecks } from '../engine/checks.js';
import { selectOperations, unmatchedSelectors } from '../engine/select.js';
import { assignShards, type Shard } from '../engine/shard.js';
import { specOperationList } from '../spec/model.js';
import { usageError } from './errors.js';

export interface PlanInput {
  operation?: string | undefined;
  exclude?: string | undefined;
  seed: number;
  shard?: Shard | undefined;
}

export interface RunPlan {
  /** The operations selected, in spec order (all shards). */
  operations: OperationMeta[];
  /** Every check of the selection. */
  all: PlannedCheck[];
  /** The checks this shard runs (all of them without --shard). */
  checks: PlannedCheck[];
  /** The shard of each operation (1 for all without --shard). */
  shardOf: Map<string, number>;
}

const tagList = () => [...new Set(specOperationList().flatMap((op) => op.tags))].sort().join(', ');

/** Throws a usage error naming each selector of `flag` that matches no operation. */
function checkSelectors(flag: string, filter: string | undefined): void {
  const unknown = unmatchedSelectors(specOperationList(), filter);
  if (unknown.length === 0) return;
  throw usageError(
    `${flag} ${unknown.map((s) => JSON.stringify(s)).join(', ')} matches no operation: give an operationId, a tag (${tagList()}) or a glob such as "*Orders*" (fungies-contract list shows them)`,
  );
}

export function planRun(input: PlanInput): RunPlan {
  checkSelectors('--operation', input.operation);
  checkSelectors('--exclude', input.exclude);
  const operations = selectOperations(specOperationList(), input.operation, input.exclude);
  if (operations.length === 0)
    throw usageError(
      `--operation ${JSON.stringify(input.operation ?? '')} less --exclude ${JSON.stringify(input.exclude)} leaves no operation`,
    );
  const all = planChecks(operations, { seed: input.seed });
  const shardOf = assignShards(all, input.shard?.count ?? 1);
  const checks = input.shard ? all.filter((c) => shardOf.get(c.operation.operationId) === input.shard!.index) : all;
  return { operations, all, checks, shardOf };
}
