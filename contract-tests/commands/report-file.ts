/**
 * The files `run` and `merge` write (`--json`, `--junit`, `--html`, `--summary`): checked before the run starts, so a path that can
 * never be written fails in one line at once instead of with a stack trace after the whole run.
 */

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { printable } from '../engine/safe-text.js';
import type { RunData } from '../engine/types.js';
import { usageError } from './errors.js';
import type { Io } from './io.js';

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Throws a usage error naming the flag when `file` is a folder, sits under a file, or its folder cannot be written. */
export async function checkReportPath(flag: string, file: string): Promise<void> {
  const here = await lstat(file).catch(() => undefined);
  if (here?.isDirectory()) throw usageError(`${flag} ${file} is a folder: name a file in it, e.g. ${file}/report`);
  let folder = dirname(file);
  for (;;) {
    const found = await stat(folder).catch(() => undefined);
    if (found && !found.isDirectory()) throw usageError(`${flag} ${file}: ${folder} is a file, not a folder`);
    if (found || dirname(folder) === folder) break;
    folder = dirname(folder);
  }
  // The report is written beside its path and renamed over it: the folder must be writable.
  await access(folder, constants.W_OK).catch((err: unknown) => {
    throw usageError(`${flag} ${file} cannot be written (${code(err)})`);
  });
}

/**
 * Writes a report, making its folders: to a fresh temp file beside it, then renamed over `file`.
 * A reader never sees half a report, and a symlink planted at `file` is replaced, never written
 * through. A failure is one usage line (the terminal report is already out).
 */
export async function writeReport(flag: string, file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    // 'wx': the temp name must not exist, so it cannot be a planted link either.
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw usageError(`${flag} ${file} could not be written (${code(err)}); the report above is complete`);
  }
}

/** Where a run or merge writes its reports (`--json`, `--junit`, `--html`, `--summary`); relative paths are from `cwd`. */
export interface ReportPaths {
  json?: string | undefined;
  junit?: string | undefined;
  html?: string | undefined;
  /** Markdown, e.g. $GITHUB_STEP_SUMMARY. */
  summary?: string | undefined;
}

export interface ReportFile {
  flag: string;
  file: string;
  /** The report's text; its formatter is loaded only when that report is asked for. */
  format: (data: RunData) => Promise<string>;
  label: string;
}

/** The report files asked for, by flag, with absolute paths. */
export function reportFiles(paths: ReportPaths, cwd: string): ReportFile[] {
  const files: ReportFile[] = [];
  if (paths.json)
    files.push({
      flag: '--json',
      file: resolve(cwd, paths.json),
      format: async (data) => (await import('../engine/json-report.js')).formatJson(data),
      label: 'JSON report',
    });
  if (paths.junit)
    files.push({
      flag: '--junit',
      file: resolve(cwd, paths.junit),
      format: async (data) => (await import('../engine/junit.js')).formatJUnit(data),
      label: 'JUnit report',
    });
  if (paths.html)
    files.push({
      flag: '--html',
      file: resolve(cwd, paths.html),
      format: async (data) => (await import('../engine/html-report.js')).formatHtml(data),
      label: 'HTML report',
    });
  if (paths.summary)
    files.push({
      flag: '--summary',
      file: resolve(cwd, paths.summary),
      format: async (data) => (await import('../engine/markdown-summary.js')).formatMarkdown(data),
      label: 'Markdown summary',
    });
  return files;
}

/** Writes each report and says where. */
export async function writeReports(files: readonly ReportFile[], data: RunData, io: Io): Promise<void> {
  for (const r of files) {
    await writeReport(r.flag, r.file, await r.format(data));
    io.stderr.write(`==> ${r.label} written to ${printable(r.file)}\n`);
  }
}
