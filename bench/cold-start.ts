/**
 * Cold start and first-call cost, each sample in a fresh node process against the loopback server.
 * The cold start the targets name is the wall of a process that imports the client and creates it,
 * over the wall of the same probe importing nothing, per sample (interleaved), then the median.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from './server.js';
import { type Spread, spread } from './stats.js';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./cold-probe.mjs', import.meta.url));

export const COLD_MODES = ['fetch', 'openapi-fetch', 'client', 'client-validating'] as const;
export type ColdMode = (typeof COLD_MODES)[number];

export interface ColdRow {
  mode: ColdMode;
  /** Wall time of the whole process (start, import, two calls, exit). */
  processMs: Spread;
  importMs: Spread;
  firstCallMs: Spread;
  secondCallMs: Spread;
}

export interface ColdResult {
  /** Wall time of `node -e 0`: what every process pays before any import. */
  emptyNodeMs: Spread;
  /**
   * Process wall of importing the client and creating it, over the same probe importing nothing
   * (differences per sample): `esm` imports dist/index.js, `cjs` requires dist/cjs/index.cjs.
   */
  coldStartMs?: { esm: Spread; cjs: Spread };
  rows: ColdRow[];
}

async function wall(args: string[]): Promise<{ ms: number; stdout: string }> {
  const start = performance.now();
  const { stdout } = await run(process.execPath, args, { timeout: 60_000 });
  return { ms: performance.now() - start, stdout };
}

/** `distEntry` and `cjsEntry`: the built package's entries (dist/index.js, dist/cjs/index.cjs), what an installed user loads. */
export async function measureColdStart(samples: number, distEntry: string, cjsEntry: string): Promise<ColdResult> {
  const server = await startServer();
  try {
    const empty: number[] = [];
    const esm: number[] = [];
    const cjs: number[] = [];
    const probe = async (mode: string) => (await wall([PROBE, mode, server.url, pathToFileURL(distEntry).href, cjsEntry])).ms;
    const raw = new Map<ColdMode, { processMs: number[]; importMs: number[]; firstCallMs: number[]; secondCallMs: number[] }>(
      COLD_MODES.map((m) => [m, { processMs: [], importMs: [], firstCallMs: [], secondCallMs: [] }]),
    );
    for (let i = 0; i < samples; i++) {
      empty.push((await wall(['-e', '0'])).ms);
      const none = await probe('empty');
      esm.push((await probe('import')) - none);
      cjs.push((await probe('require')) - (await probe('empty')));
      for (const mode of COLD_MODES) {
        const { ms, stdout } = await wall([PROBE, mode, server.url, pathToFileURL(distEntry).href]);
        const r = JSON.parse(stdout) as { importMs: number; firstCallMs: number; secondCallMs: number };
        const row = raw.get(mode)!;
        row.processMs.push(ms);
        row.importMs.push(r.importMs);
        row.firstCallMs.push(r.firstCallMs);
        row.secondCallMs.push(r.secondCallMs);
      }
    }
    return {
      emptyNodeMs: spread(empty),
      coldStartMs: { esm: spread(esm), cjs: spread(cjs) },
      rows: COLD_MODES.map((mode) => {
        const r = raw.get(mode)!;
        return {
          mode,
          processMs: spread(r.processMs),
          importMs: spread(r.importMs),
          firstCallMs: spread(r.firstCallMs),
          secondCallMs: spread(r.secondCallMs),
        };
      }),
    };
  } finally {
    await server.close();
  }
}
