/** Per-call cost of each client, sequential and with 32 calls in flight, in interleaved rounds. */
import { contenders } from './contenders.js';
import { startServer } from './server.js';
import { type Spread, spread, timeConcurrent, timeSequential } from './stats.js';

export interface ThroughputOptions {
  rounds: number;
  sequentialCalls: number;
  concurrentCalls: number;
  inFlight: number;
}

export interface ClientRow {
  name: string;
  /** Microseconds per call, over the rounds. */
  sequentialUs: Spread;
  concurrentUs: Spread;
  /** Per-round cost divided by raw fetch's cost in the same round. */
  sequentialRatio: Spread;
  concurrentRatio: Spread;
}

export async function measureThroughput(options: ThroughputOptions): Promise<ClientRow[]> {
  const server = await startServer();
  try {
    const list = contenders(server.url);
    // Each contender must answer correctly before it is timed (a failing call is fast, not good).
    for (const c of list) await c.call();
    for (const c of list) await timeSequential(Math.ceil(options.sequentialCalls / 2), c.call);
    const seq = new Map<string, number[]>(list.map((c) => [c.name, []]));
    const conc = new Map<string, number[]>(list.map((c) => [c.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      // Rotate the order so no contender always runs right after the same neighbour (GC debt, JIT state).
      const order = list.map((_, i) => list[(i + round) % list.length]!);
      for (const c of order) seq.get(c.name)!.push(await timeSequential(options.sequentialCalls, c.call));
      for (const c of order) conc.get(c.name)!.push(await timeConcurrent(options.concurrentCalls, options.inFlight, c.call));
    }
    const base = { seq: seq.get('raw fetch')!, conc: conc.get('raw fetch')! };
    return list.map((c) => {
      const s = seq.get(c.name)!;
      const k = conc.get(c.name)!;
      return {
        name: c.name,
        sequentialUs: spread(s.map((ms) => ms * 1000)),
        concurrentUs: spread(k.map((ms) => ms * 1000)),
        sequentialRatio: spread(s.map((ms, i) => ms / base.seq[i]!)),
        concurrentRatio: spread(k.map((ms, i) => ms / base.conc[i]!)),
      };
    });
  } finally {
    await server.close();
  }
}
