/** spec:update killed (SIGKILL) after every file operation of its swap: the next run finds the old or the new state, whole. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverInterruptedUpdate, swapIn } from '../../scripts/lib/spec-update/swap.js';
import { CRASH_PLAN, NEW_TREE, OLD_TREE, readTree, writeTree } from './swap-crash-plan.js';

const CHILD = 'test/scripts/swap-crash-child.ts';
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function oldRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'spec-update-crash-'));
  dirs.push(dir);
  await writeTree(dir, OLD_TREE);
  return dir;
}

/** The child swaps CRASH_PLAN into `dir` and kills itself with SIGKILL right after operation `at` (0: never). */
function runChild(dir: string, at: number): Promise<{ signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CHILD, dir, String(at)], { timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ signal: (err as { signal?: string } | null)?.signal ?? null, stdout, stderr }),
    );
  });
}

const asText = (tree: Map<string, string>) => JSON.stringify([...tree].sort(([a], [b]) => a.localeCompare(b)));
const OLD = asText(OLD_TREE);
const NEW = asText(NEW_TREE);

describe('swapIn, killed after every file operation', () => {
  it('left alone, it swaps every file in and leaves no staging behind', async () => {
    const dir = await oldRepo();
    const { stderr } = await runChild(dir, 0);
    expect(stderr).toBe('');
    expect(asText(await readTree(dir))).toBe(NEW);
  }, 30_000);

  it('killed at any step, the next run restores one whole state by itself and says so in one line', async () => {
    const { stdout } = await runChild(await oldRepo(), 0);
    const steps = Number(/steps=(\d+)/.exec(stdout)?.[1]);
    expect(steps).toBeGreaterThan(5);
    const outcomes: string[] = [];
    for (let at = 1; at <= steps; at++) {
      const dir = await oldRepo();
      const { signal } = await runChild(dir, at);
      const left = asText(await readTree(dir));
      const said = await recoverInterruptedUpdate(dir);
      const after = asText(await readTree(dir));
      const state = after === OLD ? 'old' : after === NEW ? 'new' : `broken: ${after}`;
      const problems = [
        signal === 'SIGKILL' ? '' : `not killed (${signal})`,
        state.startsWith('broken') ? 'neither the old nor the new state' : '',
        left !== after && said === undefined ? 'repaired silently' : '',
        said !== undefined && said.includes('\n') ? 'message on several lines' : '',
      ].filter(Boolean);
      outcomes.push(`step ${at}: ${state}${said ? ` — ${said}` : ''}${problems.length ? ` ✘ ${problems.join(', ')}` : ''}`);
    }
    expect(outcomes.filter((o) => o.includes('✘'))).toEqual([]);
    // Once past the point of no return the new version wins; before it, the old one stays.
    expect(outcomes[0]).toMatch(/: old/);
    expect(outcomes[steps - 1]).toMatch(/: new/);
  }, 300_000);

  it('a second recovery finds nothing to do', async () => {
    const dir = await oldRepo();
    await runChild(dir, 4);
    await recoverInterruptedUpdate(dir);
    expect(await recoverInterruptedUpdate(dir)).toBeUndefined();
  }, 30_000);

  it('a failure inside the swap (not a crash) puts the old state back at once', async () => {
    const dir = await oldRepo();
    let step = 0;
    await expect(
      swapIn(dir, CRASH_PLAN, {
        afterStep: () => {
          if (++step === 12) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(asText(await readTree(dir))).toBe(OLD);
  });
});
