/** Per-call cost of each client, sequential and with 32 and 256 calls in flight, in interleaved rounds, with the share of time in GC. */
import { PerformanceObserver } from 'node:perf_hooks';
import { type Contender, contenders, FLOOR, listContenders } from './contenders.js';
import { orderListBody, startServerProcess } from './server.js';
import { type Spread, spread, timeConcurrent, timeSequential } from './stats.js';

export interface ThroughputOptions {
  rounds: number;
  sequentialCalls: number;
  concurrentCalls: number;
  /** The in-flight levels measured, e.g. [32, 256]. */
  inFlight: number[];
  /** Rounds of the phase that measures what validateResponses adds (measureValidationAdded). */
  validationRounds: number;
}

export interface Mode {
  /** Microseconds per call, over the rounds. */
  us: Spread;
  /** Per-round cost divided by the floor's cost in the same round. */
  ratio: Spread;
  /** Share of the mode's wall time spent in garbage collection. */
  gcShare: Spread;
  /** CPU (user + system) of this process per call, in microseconds: steadier than wall time on a shared machine. */
  cpuUs: Spread;
  /** Per-round CPU per call divided by the floor's in the same round. */
  cpuRatio: Spread;
  /** Each round's CPU ratio, in round order: two rows are compared round by round (what an option adds). */
  roundCpuRatios?: number[];
}

export interface ClientRow {
  name: string;
  /** `sequential`, then `32`, `256`… (calls in flight). */
  modes: Record<string, Mode>;
}

type Sample = { ms: number; gc: number; cpuUs: number };
/** A contender's sample and the floor's sample taken right beside it. */
type Pair = { mine: Sample; floor: Sample };

/**
 * Each contender's modes, every ratio taken against the floor's sample measured right beside it
 * (the floor's own row: all its samples, ratio 1).
 */
function rowsOf(list: Contender[], modes: string[], samples: Map<string, Map<string, Pair[]>>): ClientRow[] {
  return list.map((c) => {
    const row: ClientRow = { name: c.name, modes: {} };
    for (const m of modes) {
      const pairs =
        c.name === FLOOR
          ? [...samples.values()].flatMap((byMode) => byMode.get(m)!).map((p) => ({ mine: p.floor, floor: p.floor }))
          : samples.get(c.name)!.get(m)!;
      row.modes[m] = {
        us: spread(pairs.map((p) => p.mine.ms * 1000)),
        ratio: spread(pairs.map((p) => p.mine.ms / p.floor.ms)),
        gcShare: spread(pairs.map((p) => p.mine.gc)),
        cpuUs: spread(pairs.map((p) => p.mine.cpuUs)),
        cpuRatio: spread(pairs.map((p) => p.mine.cpuUs / p.floor.cpuUs)),
        roundCpuRatios: pairs.map((p) => p.mine.cpuUs / p.floor.cpuUs),
      };
    }
    return row;
  });
}

/**
 * The floor's sample and one sample of each contender of `block`, side by side, the block reversed
 * in odd rounds. A ratio against a floor sample taken at another point of the round moved with
 * whatever else the shared machine was doing in between; side by side, all see the same machine.
 * A block of two (a style and the same style with validateResponses, `beside`) has the floor
 * between them and shares its sample: each of the two comes first in every other round, where it
 * pays for the garbage the block before left, so what the option adds is read from neighbours on
 * equal terms.
 */
async function sampleBlock(
  round: number,
  floor: Contender,
  block: Contender[],
  sample: (c: Contender) => Promise<Sample>,
): Promise<Pair[]> {
  const half = block.length >> 1;
  const inOrder = [...block.slice(0, half), floor, ...block.slice(half)];
  const taken = new Map<Contender, Sample>();
  for (const c of round % 2 === 0 ? inOrder : inOrder.reverse()) taken.set(c, await sample(c));
  return block.map((c) => ({ mine: taken.get(c)!, floor: taken.get(floor)! }));
}

function recordBlock(samples: Map<string, Map<string, Pair[]>>, block: Contender[], mode: string, pairs: Pair[]): void {
  for (const [i, c] of block.entries()) samples.get(c.name)!.get(mode)!.push(pairs[i]!);
}

/** The contenders grouped into the blocks a round samples: each with those measured `beside` it. */
export function blocksOf(others: readonly Contender[]): Contender[][] {
  const known = new Set(others.map((c) => c.name));
  for (const c of others)
    if (c.beside !== undefined && !known.has(c.beside)) throw new Error(`${c.name}: no contender "${c.beside}" to sample beside`);
  return others.filter((c) => c.beside === undefined).map((c) => [c, ...others.filter((o) => o.beside === c.name)]);
}

/**
 * The contenders' order in a round: rotated, and reversed every other round. A rotation alone keeps
 * every contender right after the same neighbour, whose garbage (GC debt) and JIT state it then
 * pays for in every round: with the large lists, the path style with validateResponses always ran
 * after the path style without it and came out 0.4× slower than the resource method with it in one
 * run and faster in the next, on the same code path.
 */
export function roundOrder<T>(list: readonly T[], round: number): T[] {
  const turned = round % 2 === 1 ? [...list].reverse() : [...list];
  return turned.map((_, i) => turned[(i + round) % turned.length]!);
}

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});

async function timed(calls: number, run: () => Promise<number>): Promise<{ ms: number; gc: number; cpuUs: number }> {
  const gcBefore = gcMs;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const ms = await run();
  const used = process.cpuUsage(cpu);
  // GC entries are delivered asynchronously; let them arrive before reading.
  await new Promise((resolve) => setImmediate(resolve));
  return { ms, gc: (gcMs - gcBefore) / (performance.now() - started), cpuUs: (used.user + used.system) / calls };
}

export interface ThroughputResult {
  rows: ClientRow[];
  /**
   * What validateResponses adds to the path style, per mode: each round's CPU difference of the two
   * over the floor's sample between them, in a phase where only those three run.
   */
  validationAdded: Record<string, number[]>;
}

export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const server = await startServerProcess();
  observer.observe({ entryTypes: ['gc'] });
  try {
    const list = contenders(server.url);
    // Each contender must answer correctly before it is timed (a failing call is fast, not good).
    for (const c of list) await c.call();
    const modes = ['sequential', ...options.inFlight.map(String)];
    const [floor, ...others] = list as [Contender, ...Contender[]];
    const sampler = (mode: string) => (x: Contender) =>
      mode === 'sequential'
        ? timed(options.sequentialCalls, () => timeSequential(options.sequentialCalls, x.call))
        : timed(options.concurrentCalls, () => timeConcurrent(options.concurrentCalls, Number(mode), x.call));
    const validationAdded = await measureValidationAdded(floor, others, modes, options.validationRounds, sampler);
    for (const c of list) await timeSequential(Math.ceil(options.sequentialCalls / 2), c.call);
    const samples = new Map(others.map((c) => [c.name, new Map(modes.map((m) => [m, [] as Pair[]]))]));
    for (let round = 0; round < options.rounds; round++) {
      const order = roundOrder(blocksOf(others), round);
      for (const mode of modes)
        for (const block of order) recordBlock(samples, block, mode, await sampleBlock(round, floor, block, sampler(mode)));
    }
    return { rows: rowsOf(list, modes, samples), validationAdded };
  } finally {
    observer.disconnect();
    await server.close();
  }
}

/**
 * The path style and validateResponses with the floor between them, before any other client has
 * run: a round's difference of the two is a few microseconds, and the garbage of the other clients
 * (a major GC landing in one sample and not the next) moved it by a third of the floor.
 */
async function measureValidationAdded(
  floor: Contender,
  others: Contender[],
  modes: string[],
  rounds: number,
  sampler: (mode: string) => (c: Contender) => Promise<Sample>,
): Promise<Record<string, number[]>> {
  const validating = others.find((c) => c.beside !== undefined);
  const plain = others.find((c) => c.name === validating?.beside);
  const out: Record<string, number[]> = {};
  if (!validating || !plain || rounds === 0) return out;
  for (const c of [floor, plain, validating]) await timeSequential(1000, c.call);
  for (const mode of modes) out[mode] = [];
  // One mode's rounds after another: a sequential sample right after a burst of 256 in flight pays
  // for that burst's sockets and garbage, and in a block only the first of the two would.
  for (const mode of modes)
    for (let round = 0; round < rounds; round++) {
      const [p, v] = await sampleBlock(round, floor, [plain, validating], sampler(mode));
      out[mode]!.push((v!.mine.cpuUs - p!.mine.cpuUs) / p!.floor.cpuUs);
    }
  return out;
}

export interface LargeListOptions {
  rounds: number;
  /** Orders per page → sequential calls per round. */
  calls: Record<string, number>;
}

export interface LargeListResult {
  /** Orders in the page. */
  orders: number;
  /** Bytes of the page's body. */
  bodyBytes: number;
  /** One mode, `sequential`. */
  rows: ClientRow[];
}

/** One page of 1 000 and of 10 000 orders, read and parsed (and validated), sequentially in interleaved rounds. */
export async function measureLargeLists(options: LargeListOptions): Promise<LargeListResult[]> {
  const server = await startServerProcess();
  observer.observe({ entryTypes: ['gc'] });
  try {
    const out: LargeListResult[] = [];
    for (const [size, calls] of Object.entries(options.calls)) {
      const count = Number(size);
      const list = listContenders(server.url, count);
      for (const c of list) await c.call();
      for (const c of list) await timeSequential(calls, c.call);
      const [floor, ...others] = list as [Contender, ...Contender[]];
      const samples = new Map(others.map((c) => [c.name, new Map([['sequential', [] as Pair[]]])]));
      for (let round = 0; round < options.rounds; round++) {
        for (const block of roundOrder(blocksOf(others), round)) {
          const pairs = await sampleBlock(round, floor, block, (x) => timed(calls, () => timeSequential(calls, x.call)));
          recordBlock(samples, block, 'sequential', pairs);
        }
      }
      out.push({ orders: count, bodyBytes: Buffer.byteLength(orderListBody(count)), rows: rowsOf(list, ['sequential'], samples) });
    }
    return out;
  } finally {
    observer.disconnect();
    await server.close();
  }
}
