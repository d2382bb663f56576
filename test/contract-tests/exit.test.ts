// The CLI exits as soon as a command returns, and still delivers all it wrote to a reader slower than itself.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** More than a pipe holds (64 KiB on Linux): the tail is still in node's buffer when the command returns. */
const SIZE = 1 << 20;

/** A process that writes SIZE bytes to each of stdout and stderr and ends as `ending` says; its reader starts reading only later. */
function slowlyRead(ending: string): Promise<{ code: number | null; stdout: number; stderr: number }> {
  const script = `
    import { exitFlushed } from './contract-tests/exit.ts';
    process.stdout.write('o'.repeat(${SIZE}));
    process.stderr.write('e'.repeat(${SIZE}));
    ${ending}
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause();
  child.stderr.pause();
  const got = { stdout: 0, stderr: 0 };
  setTimeout(() => {
    child.stdout.on('data', (d: Buffer) => (got.stdout += d.length));
    child.stderr.on('data', (d: Buffer) => (got.stderr += d.length));
    child.stdout.resume();
    child.stderr.resume();
  }, 500);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, ...got })));
}

describe('exitFlushed', { timeout: 30_000 }, () => {
  it('exits with the code once stdout and stderr reached a reader that was not reading yet', async () => {
    expect(await slowlyRead('await exitFlushed(3);')).toEqual({ code: 3, stdout: SIZE, stderr: SIZE });
  });

  it('is needed: process.exit() alone loses what the pipe had not taken', async () => {
    const lost = await slowlyRead('process.exit(3);');
    expect(lost.code).toBe(3);
    expect(lost.stdout).toBeLessThan(SIZE);
  });
});
