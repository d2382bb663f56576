/**
 * The files `run --json` and `--junit` write: checked before the run starts, so a path that can
 * never be written fails in one line at once instead of with a stack trace after the whole run.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { usageError } from './errors.js';

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Throws a usage error naming the flag when `file` is a folder, sits under a file, or its folder cannot be written. */
export async function checkReportPath(flag: string, file: string): Promise<void> {
  const here = await stat(file).catch(() => undefined);
  if (here?.isDirectory()) throw usageError(`${flag} ${file} is a folder: name a file in it, e.g. ${file}/report`);
  let folder = dirname(file);
  for (;;) {
    const found = await stat(folder).catch(() => undefined);
    if (found && !found.isDirectory()) throw usageError(`${flag} ${file}: ${folder} is a file, not a folder`);
    if (found || dirname(folder) === folder) break;
    folder = dirname(folder);
  }
  await access(here ? file : folder, constants.W_OK).catch((err: unknown) => {
    throw usageError(`${flag} ${file} cannot be written (${code(err)})`);
  });
}

/** Writes a report, making its folders; a failure is one usage line (the terminal report is already out). */
export async function writeReport(flag: string, file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (err) {
    throw usageError(`${flag} ${file} could not be written (${code(err)}); the report above is complete`);
  }
}
