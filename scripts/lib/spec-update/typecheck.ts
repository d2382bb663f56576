/**
 * Type-checks the project against the new generated/ without touching the real one: a copy of the
 * TypeScript sources with node_modules linked, so a failed bump never leaves the repo half-done.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, realpath, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { exists } from '../fs-exists.js';
import { GENERATED_DIR } from '../generate.js';
import { writeGenerated } from '../write-generated.js';

export interface CompileError {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** What tsc needs besides the folders tsconfig.json includes. */
const ROOT_FILES = ['tsconfig.json', 'package.json'];
const NEVER_COPIED = new Set(['node_modules', '.git', 'dist', '.tmp', 'coverage', '.spec-update']);

/**
 * Errors tsc reports with `generated` replaced, minus those the project already has (not caused by
 * the bump). The copy is made in `dir` (a new folder inside spec:update's staging folder).
 */
export async function compileErrorsWith(cwd: string, generated: Map<string, string>, dir: string): Promise<CompileError[]> {
  await mkdir(dir);
  try {
    await copyProject(cwd, dir);
    await writeGenerated(join(dir, GENERATED_DIR), generated);
    const after = await runTsc(cwd, dir);
    if (after.length === 0) return [];
    const before = new Set((await runTsc(cwd, cwd)).map(errorKey));
    return after.filter((e) => !before.has(errorKey(e)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const errorKey = (e: CompileError) => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`;

async function copyProject(cwd: string, dir: string): Promise<void> {
  const roots = new Set([...ROOT_FILES, ...(await includedRoots(cwd))]);
  for (const entry of roots) {
    if (entry === GENERATED_DIR || NEVER_COPIED.has(entry) || !(await exists(join(cwd, entry)))) continue;
    await cp(join(cwd, entry), join(dir, entry), { recursive: true, filter: (src) => !NEVER_COPIED.has(src.split(/[\\/]/).pop() ?? '') });
  }
  await symlink(await realpath(join(cwd, 'node_modules')), join(dir, 'node_modules'), 'dir');
}

/** Top-level entries of tsconfig's `include`; a tsconfig with comments falls back to the usual folders. */
async function includedRoots(cwd: string): Promise<string[]> {
  try {
    const { include = [] } = JSON.parse(await readFile(join(cwd, 'tsconfig.json'), 'utf8')) as { include?: string[] };
    return include.map((p) => p.split('/')[0] ?? p);
  } catch {
    return ['src', 'scripts', 'contract-tests', 'test', 'bench'];
  }
}

/** tsc of the project's own typescript, in `dir`; `--pretty false` gives one parseable line per error. */
async function runTsc(cwd: string, dir: string): Promise<CompileError[]> {
  const tsc = join(dirname(createRequire(join(cwd, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [tsc, '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        // tsc exits 2 when it found errors; anything else without output is a real failure.
        if (err && !stdout.trim()) reject(new Error(`tsc failed: ${stderr || err.message}`));
        else resolve(stdout);
      },
    );
  });
  return parseTscOutput(output);
}

export function parseTscOutput(output: string): CompileError[] {
  const errors: CompileError[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (m) errors.push({ file: m[1] ?? '', line: Number(m[2]), column: Number(m[3]), code: m[4] ?? '', message: m[5] ?? '' });
    else if (line.startsWith(' ') && errors.length > 0) errors[errors.length - 1]!.message += ` ${line.trim()}`;
  }
  return errors;
}
