/** A throwaway copy of this repository (node_modules linked, a git commit on top), for running commands as a user would. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', 'dist', '.tmp', 'coverage']);

export interface TempRepo {
  dir: string;
  /** `git status --porcelain`: '' when nothing changed since the copy. */
  gitStatus(): string;
  /** sha256 of every file (path → hash), node_modules and .git excluded. */
  snapshot(): Promise<Map<string, string>>;
  remove(): Promise<void>;
}

export interface TempRepoOptions {
  /**
   * tsconfig.json's `include` in the copy (committed with it). spec:update type-checks what the
   * copy's tsconfig includes: a test of how it reports compile errors in the client needs src/ and
   * generated/, not the whole tree's 800 files on every run.
   */
  tsconfigInclude?: string[];
}

export async function tempRepo({ tsconfigInclude }: TempRepoOptions = {}): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'fungies-repo-'));
  for (const entry of await readdir('.')) {
    if (!SKIPPED.has(entry))
      await cp(entry, join(dir, entry), { recursive: true, filter: (src) => !SKIPPED.has(src.split(/[\\/]/).pop() ?? '') });
  }
  if (tsconfigInclude) {
    const tsconfig = JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify({ ...tsconfig, include: tsconfigInclude }, null, 2)}\n`);
  }
  await symlink(await realpath('node_modules'), join(dir, 'node_modules'), 'dir');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'copy');
  return {
    dir,
    gitStatus: () => git('status', '--porcelain'),
    snapshot: () => hashTree(dir, dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function hashTree(root: string, dir: string, out = new Map<string, string>()): Promise<Map<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await hashTree(root, path, out);
    else
      out.set(
        relative(root, path),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
  }
  return out;
}
