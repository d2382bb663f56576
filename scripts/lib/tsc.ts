/** Runs the TypeScript compiler on one project; a failure is a ScriptError with tsc's own output. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { ScriptError } from './cli.js';

const exec = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export async function compile(project: string): Promise<void> {
  try {
    await exec(process.execPath, [tsc, '-p', project]);
  } catch (err) {
    const { stdout = '' } = err as { stdout?: string };
    throw new ScriptError(`✘ tsc -p ${project} failed:\n${stdout.trim()}`);
  }
}
