/**
 * `fungies-contract merge`: the reports of a run's shards back into the one report the unsharded
 * run writes. Only parts of one run fit together: the same spec, seed, target and options, every
 * shard of 1..n exactly once, no check twice, as many checks as the plan had.
 */
import { listOperations } from '../../src/operations.js';
import { orderChecks } from './run-data.js';
import type { RunData } from './types.js';

export interface NamedReport {
  /** The file it was read from, for the refusal line. */
  file: string;
  data: RunData;
}

/** What every part of one run must agree on, and how a refusal names it. */
const SAME: [string, (d: RunData) => unknown][] = [
  ['specs', (d) => `${d.spec.title} ${d.spec.version}`],
  ['seeds', (d) => d.seed],
  ['targets', (d) => `${d.target.name ? `${d.target.name} ` : ''}${d.target.url} (${d.target.kind})`],
  ['operation filters', (d) => `--operation ${d.operationFilter ?? '(all)'} --exclude ${d.excludeFilter ?? '(none)'}`],
  ['options', (d) => `${d.strict ? '--strict' : 'not strict'}, ${d.allowWrites ? '--allow-writes' : 'no writes'}`],
  ['shard counts', (d) => d.shard?.count],
];

const show = (v: unknown) => (v === undefined ? '(none)' : String(v));

/** The merged report, or the one line saying why these reports are not parts of one run. */
export function mergeReports(reports: readonly NamedReport[]): RunData | string {
  const [first, ...rest] = reports;
  if (!first) return 'give the JSON reports of every shard (fungies-contract merge shard-1.json shard-2.json …)';
  for (const r of reports)
    if (r.data.tool !== 'fungies-contract' || !Array.isArray(r.data.checks))
      return `${r.file} is not a fungies-contract JSON report (write one with run --json)`;
  for (const [what, key] of SAME) {
    const other = rest.find((r) => show(key(r.data)) !== show(key(first.data)));
    if (other)
      return `cannot merge reports of different ${what}: ${first.file} has ${show(key(first.data))}, ${other.file} has ${show(key(other.data))}`;
  }
  const count = first.data.shard?.count;
  if (count === undefined) {
    if (reports.length === 1) return first.data;
    return `${rest.find((r) => !r.data.shard)?.file ?? first.file} is not a shard's report: merge the reports of run --shard k/n`;
  }
  const byIndex = new Map<number, string>();
  for (const r of reports) {
    const index = r.data.shard!.index;
    if (byIndex.has(index)) return `shard ${index}/${count} is given twice: ${byIndex.get(index)} and ${r.file}`;
    byIndex.set(index, r.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    return `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')}: give every shard's report`;
  const seen = new Map<string, string>();
  for (const r of reports)
    for (const c of r.data.checks) {
      if (seen.has(c.id)) return `check "${c.id}" is in both ${seen.get(c.id)} and ${r.file}: these shards do not come from one plan`;
      seen.set(c.id, r.file);
    }
  const planned = first.data.shard!.plannedChecks;
  if (seen.size !== planned) return `the shards hold ${seen.size} checks, the plan had ${planned}: these shards do not come from one plan`;
  return combine(reports.map((r) => r.data));
}

function combine(parts: readonly RunData[]): RunData {
  const first = parts[0]!;
  // Operations in spec order, as the unsharded run lists them.
  const specOrder = new Map(listOperations().map((op, i) => [op.operationId, i]));
  const operations = [...new Map(parts.flatMap((p) => p.operations).map((o) => [o.operationId, o])).values()].sort(
    (a, b) => (specOrder.get(a.operationId) ?? Number.MAX_SAFE_INTEGER) - (specOrder.get(b.operationId) ?? Number.MAX_SAFE_INTEGER),
  );
  const checks = orderChecks(
    operations.map((o) => o.operationId),
    parts.flatMap((p) => p.checks),
  );
  const { shard: _shard, ...rest } = first;
  return {
    ...rest,
    startedAt: parts.map((p) => p.startedAt).sort()[0]!,
    // The shards ran side by side: the merged run took as long as the slowest.
    durationMs: Math.max(...parts.map((p) => p.durationMs)),
    operations,
    checks,
    created: checks.flatMap((c) => (c.created ? [c.created].flat() : [])),
  };
}
