/**
 * `fungies-contract list`: what a run would check, without sending a request — each operation with
 * its tags, its planned checks per family and, with `--shards n`, the shard it lands in.
 */
import { printable } from '../engine/safe-text.js';
import type { Io } from './io.js';
import { planRun } from './plan.js';

export interface ListOptions {
  operation?: string | undefined;
  exclude?: string | undefined;
  seed: number;
  /** Shows the shard of each operation for a split into this many. */
  shards?: number | undefined;
  json: boolean;
}

export interface ListedOperation {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  /** Planned checks per family (check kind), families in plan order. */
  checks: Record<string, number>;
  shard?: number;
}

export function listCommand(options: ListOptions, io: Io): { code: number; operations: ListedOperation[] } {
  const shards = options.shards ?? 1;
  const plan = planRun({ operation: options.operation, exclude: options.exclude, seed: options.seed, shard: undefined });
  const { shardOf } = shards > 1 ? planRun({ ...options, shard: { index: 1, count: shards } }) : plan;
  // Families as the plan has them: a new kind of check shows up here without a change.
  const families = [...new Set(plan.all.map((c) => c.kind))];
  const listed: ListedOperation[] = plan.operations.map((op) => {
    const mine = plan.all.filter((c) => c.operation.operationId === op.operationId);
    const checks: Record<string, number> = {};
    for (const f of families) {
      const n = mine.filter((c) => c.kind === f).length;
      if (n > 0) checks[f] = n;
    }
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      tags: [...op.tags],
      checks,
      ...(shards > 1 ? { shard: shardOf.get(op.operationId) ?? 1 } : {}),
    };
  });
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ seed: options.seed, shards, families, operations: listed }, null, 2)}\n`);
    return { code: 0, operations: listed };
  }
  const total = (o: ListedOperation) => Object.values(o.checks).reduce((a, b) => a + b, 0);
  const idWidth = Math.max(9, ...listed.map((o) => o.operationId.length));
  const routeWidth = Math.max(5, ...listed.map((o) => `${o.method} ${o.path}`.length));
  const lines = [
    `${'operation'.padEnd(idWidth)}  ${'route'.padEnd(routeWidth)}  ${'checks'.padStart(6)}${shards > 1 ? '  shard' : ''}  tags`,
  ];
  for (const o of listed) {
    const shard = o.shard !== undefined ? `  ${`${o.shard}/${shards}`.padStart(5)}` : '';
    lines.push(
      `${o.operationId.padEnd(idWidth)}  ${`${o.method} ${o.path}`.padEnd(routeWidth)}  ${String(total(o)).padStart(6)}${shard}  ${o.tags.join(', ')}`,
    );
  }
  const byFamily = families.map((f) => `${f} ${plan.all.filter((c) => c.kind === f).length}`).join(', ');
  lines.push('', `${listed.length} operation(s), ${plan.all.length} planned checks (seed ${options.seed}): ${byFamily}`);
  if (shards > 1) {
    const perShard = Array.from({ length: shards }, (_, i) => listed.filter((o) => o.shard === i + 1).reduce((n, o) => n + total(o), 0));
    lines.push(`checks per shard: ${perShard.map((n, i) => `${i + 1}/${shards} ${n}`).join(', ')}`);
  }
  io.stdout.write(`${lines.map(printable).join('\n')}\n`);
  return { code: 0, operations: listed };
}
