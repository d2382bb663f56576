/** spec:update killed (SIGKILL) after every file operation of its swap: the next run finds the old or the new state, whole. */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../contract-tests/spec/spec-file.js';
import { generateFiles } from '../../../scripts/lib/generate.js';
import { specUpdate } from '../../../scripts/lib/spec-update/command.js';
import { recoverInterruptedUpdate, STAGING_DIR, swapIn } from '../../../scripts/lib/spec-update/swap.js';
import { type TempRepo, tempRepo } from '../temp-repo.js';
import { CRASH_PLAN, NEW_TREE, OLD_TREE, readTree, writeTree } from './swap-crash-plan.js';

const CHILD = 'test/scripts/spec-update/swap-crash-child.ts';
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function oldRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'spec-update-crash-'));
  dirs.push(dir);
  await writeTree(dir, OLD_TREE);
  return dir;
}

/** The child swaps CRASH_PLAN into `dir` and kills itself with SIGKILL right after operation `at` (0: never). */
function runChild(dir: string, at: number | string, planFile?: string): Promise<{ signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD, dir, String(at), ...(planFile ? [planFile] : [])],
      { timeout: 30_000 },
      (err, stdout, stderr) => resolve({ signal: (err as { signal?: string } | null)?.signal ?? null, stdout, stderr }),
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
        said?.includes('\n') ? 'message on several lines' : '',
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

  it('a staging folder a live spec:update holds is left alone, and the run stops saying so', async () => {
    const dir = await oldRepo();
    await writeTree(
      dir,
      new Map([
        [`${STAGING_DIR}/owner`, String(process.ppid)],
        [`${STAGING_DIR}/journal.json`, JSON.stringify({ targets: ['openapi/api-docs.yaml'] })],
      ]),
    );
    await expect(recoverInterruptedUpdate(dir)).rejects.toThrow(
      new RegExp(`^✘ another spec:update \\(process ${process.ppid}\\) is using \\.spec-update/`),
    );
    await expect(swapIn(dir, CRASH_PLAN)).rejects.toThrow(/another spec:update/);
    expect((await readTree(dir)).get(`${STAGING_DIR}/journal.json`)).toBeDefined();
  });

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

/** A script of the repo run in `cwd` as a user would: exit code and output, bounded in time. */
function runScript(cwd: string, script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd, timeout: 120_000 }, (_err, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('in a copy of the repository: the next spec:check or spec:update recovers', () => {
  let repo: TempRepo;
  let scratch: string;
  // A fresh copy per test: each starts from a clean repository whatever the previous one left.
  beforeEach(async () => {
    repo = await tempRepo();
    scratch = await mkdtemp(join(tmpdir(), 'spec-update-crash-src-'));
  }, 60_000);
  afterEach(async () => {
    await repo?.remove();
    await rm(scratch, { recursive: true, force: true });
  });

  it('spec:update killed while it type-checks leaves nothing in the temp dir; spec:check then removes its staging folder', async () => {
    const source = join(scratch, 'next.yaml');
    await writeFile(
      source,
      (await readFile(join(repo.dir, 'openapi/api-docs.yaml'), 'utf8')).replace(
        /^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m,
        (_m, head: string) => `${head}9.9.9`,
      ),
    );
    const privateTmp = await mkdtemp(join(tmpdir(), 'spec-update-crash-tmp-'));
    try {
      // Its own process group, so the kill also takes the tsc it may have started.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/spec-update.ts', source], {
        cwd: repo.dir,
        detached: true,
        env: { ...process.env, TMPDIR: privateTmp },
      });
      const killed = await new Promise<boolean>((resolve) => {
        let out = '';
        const timer = setTimeout(() => resolve(false), 90_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('✔ bundled and validated')) {
            clearTimeout(timer);
            process.kill(-child.pid!, 'SIGKILL');
            resolve(true);
          }
        });
        child.on('exit', () => resolve(false));
      });
      if (!killed) process.kill(-child.pid!, 'SIGKILL');
      expect(killed).toBe(true);
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve),
      );
      // tsx keeps its own compile cache there; anything else would be spec:update's.
      expect((await readdir(privateTmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    } finally {
      await rm(privateTmp, { recursive: true, force: true });
    }
    const check = await runScript(repo.dir, 'scripts/spec-check.ts');
    expect(check.stderr).toBe('');
    expect(check.stdout.split('\n')[0]).toMatch(
      /^✔ removed \.spec-update\/ left by an interrupted update that had not changed anything yet$/,
    );
    expect(check.code).toBe(0);
    expect(repo.gitStatus()).toBe('');
  }, 180_000);

  it('killed after the journal, the swap is completed by the next spec:check, which then passes', async () => {
    const spec = parseSpecText(await readFile(join(repo.dir, 'openapi/api-docs.yaml'), 'utf8'), 'openapi/api-docs.yaml');
    const text = spec.text.replace(/^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m, (_m, head: string) => `${head}9.9.9`);
    expect(text).not.toBe(spec.text);
    const generated = await generateFiles(parseSpecText(text, 'openapi/api-docs.yaml'));
    const planFile = join(scratch, 'plan.json');
    await writeFile(planFile, JSON.stringify({ files: [['openapi/api-docs.yaml', text]], dirs: [['generated', [...generated]]] }));
    // journal+1: the spec has been set aside and the new one not yet put in place: no spec at all.
    const { signal } = await runChild(repo.dir, 'journal+1', planFile);
    expect(signal).toBe('SIGKILL');
    const check = await runScript(repo.dir, 'scripts/spec-check.ts');
    expect(check.stdout.split('\n')[0]).toMatch(
      /^✔ finished an update that was interrupted half-way: openapi\/api-docs\.yaml, generated\/ now hold the new version/,
    );
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(await readFile(join(repo.dir, 'openapi/api-docs.yaml'), 'utf8')).toBe(text);
    expect(repo.gitStatus()).toContain(' M openapi/api-docs.yaml');
    expect(repo.gitStatus()).not.toContain('??');
    expect(await readdir(repo.dir)).not.toContain(STAGING_DIR);
  }, 180_000);

  it('killed before the journal, the next spec:update says so in one line and goes on', async () => {
    const { signal } = await runChild(repo.dir, 3);
    expect(signal).toBe('SIGKILL');
    const lines: string[] = [];
    await expect(specUpdate({ cwd: repo.dir, source: join(scratch, 'missing.yaml'), log: (l) => lines.push(l) })).rejects.toThrow(
      /missing\.yaml: file not found/,
    );
    expect(lines[0]).toBe('✔ removed .spec-update/ left by an interrupted update that had not changed anything yet');
    expect(repo.gitStatus()).toBe('');
  }, 60_000);
});

describe('leftovers of the swap spec:update used before the journal (<target>.spec-update-old/-new beside each target)', () => {
  it('killed half-way (generated/ set aside, not replaced): the old version is put back', async () => {
    const dir = await oldRepo();
    // The state a kill right after rename 5 of the old swap left: the spec already new, generated/ gone.
    await writeTree(
      dir,
      new Map([
        ['openapi/api-docs.yaml', 'new spec'],
        ['openapi/api-docs.yaml.spec-update-old', 'old spec'],
        ['openapi/CHANGES.md.spec-update-new', 'new changes'],
      ]),
    );
    await writeTree(
      dir,
      new Map([
        ['generated.spec-update-old/api.ts', 'old api'],
        ['generated.spec-update-old/gone.ts', 'old, dropped by the new version'],
        ['generated.spec-update-new/api.ts', 'new api'],
      ]),
    );
    await rm(join(dir, 'generated'), { recursive: true });
    const said = await recoverInterruptedUpdate(dir);
    expect(said).toMatch(
      /^✔ put back the old version from the backups an interrupted spec:update left: generated\/, openapi\/api-docs\.yaml$/,
    );
    expect(asText(await readTree(dir))).toBe(OLD);
  });

  it('killed while deleting its backups (every new file in place): the backups are deleted', async () => {
    const dir = await oldRepo();
    await writeTree(dir, NEW_TREE);
    await rm(join(dir, 'generated/gone.ts'));
    await writeTree(dir, new Map([['generated.spec-update-old/api.ts', 'old api']]));
    const said = await recoverInterruptedUpdate(dir);
    expect(said).toMatch(/^✔ removed the backups an interrupted spec:update left: generated\.spec-update-old$/);
    expect(asText(await readTree(dir))).toBe(NEW);
  });
});
