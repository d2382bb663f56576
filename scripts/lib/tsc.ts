/** Runs the TypeScript compiler on one project; a failure is a ScriptError with tsc's own output. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { ScriptError } from './cli.js';

const exec = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Set by .ci/run once `npm run typecheck` has passed on the same tree: the build projects extend
 * tsconfig.json with emit settings only, so checking their files again finds nothing new, and the
 * build emits without it (`--noCheck`; emit and declaration errors are still reported). Unset, as
 * in `npm pack` or `npm run build` on their own, the build type-checks what it compiles.
 */
export const TYPECHECKED_ENV = 'FUNGIES_TREE_TYPECHECKED';

/** `emit: false`: type-check only (nothing to do when the tree is known to type-check). */
export async function compile(project: string, { emit = true }: { emit?: boolean } = {}): Promise<void> {
  const checked = process.env[TYPECHECKED_ENV] === '1';
  if (checked && !emit) return;
  const flags = [...(checked ? ['--noCheck'] : []), ...(emit ? [] : ['--noEmit'])];
  try {
    await exec(process.execPath, [tsc, '-p', project, ...flags]);
  } catch (err) {
    const { stdout = '' } = err as { stdout?: string };
    throw new ScriptError(`✘ tsc -p ${project} failed:\n${stdout.trim()}`);
  }
}
