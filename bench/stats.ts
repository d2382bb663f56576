/** Medians and spreads: the machine is shared and noisy, so every figure is a median with its min–max. */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** `fn` run `times` times, awaited one after another; milliseconds per run. */
export async function timeSequential(times: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) await fn();
  return (performance.now() - start) / times;
}

/** `times` runs of `fn` with `inFlight` of them outstanding at once; wall milliseconds per run. */
export async function timeConcurrent(times: number, inFlight: number, fn: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const start = performance.now();
  const worker = async () => {
    while (started < times) {
      started++;
      await fn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, times) }, worker));
  return (performance.now() - start) / times;
}

/** Milliseconds per call of a synchronous `fn` over `times` calls. */
export function timeSync(times: number, fn: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) fn();
  return (performance.now() - start) / times;
}
