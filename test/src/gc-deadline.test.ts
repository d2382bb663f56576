/** Timeouts and aborts still fire after a garbage collection mid-request (node --expose-gc, gc() every 20 ms). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/gc-timeout.ts', import.meta.url));

async function run(mode: 'timeout' | 'abort'): Promise<{ ended: boolean; outcome?: string; ms: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script, mode], { timeout: 20_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { ended: boolean; outcome?: string; ms: number };
}

describe('deadlines survive gc()', () => {
  it('a 300 ms timeout ends a PATCH to a silent server', async () => {
    const result = await run('timeout');
    expect(result).toMatchObject({ ended: true, outcome: 'FungiesTimeoutError' });
  }, 30_000);

  it("a caller's abort ends a PATCH to a silent server", async () => {
    const result = await run('abort');
    expect(result).toMatchObject({ ended: true, outcome: 'FungiesUserAbortError' });
  }, 30_000);
});
