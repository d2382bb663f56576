/**
 * `--shard k/n`: a run's planned checks split into n parts for a CI matrix. Whole operations move
 * together (their checks share a resource and a report block), balanced by how many checks each
 * plans; the split depends only on the plan, so every shard of one seed agrees on it.
 */

export interface Shard {
  /** 1-based, as a CI matrix counts. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 256;

/** `k/n` as a Shard, or why it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    return `--shard must be k/n with 1 ≤ k ≤ n ≤ ${MAX_SHARDS} (e.g. --shard 2/3), got ${JSON.stringify(text)}`;
  return { index, count };
}

/**
 * The shard (1-based) of each operation: heaviest first onto the lightest shard (ties: the
 * operation first in the plan, the lowest shard), which keeps the shards within one operation's
 * checks of each other.
 */
export function assignShards(checks: readonly { operation: { operationId: string } }[], count: number): Map<string, number> {
  const weight = new Map<string, number>();
  for (const c of checks) weight.set(c.operation.operationId, (weight.get(c.operation.operationId) ?? 0) + 1);
  const order = [...weight.keys()];
  const heaviest = order.map((id, i) => ({ id, i, w: weight.get(id)! })).sort((a, b) => b.w - a.w || a.i - b.i);
  const load = new Array<number>(count).fill(0);
  const shardOf = new Map<string, number>();
  for (const { id, w } of heaviest) {
    let lightest = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[lightest]!) lightest = s;
    load[lightest] = load[lightest]! + w;
    shardOf.set(id, lightest + 1);
  }
  return shardOf;
}
