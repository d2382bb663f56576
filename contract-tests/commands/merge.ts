/** `fungies-contract merge <report.json…>`: the shards' JSON reports as the one report of the whole run. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { colorsFor } from '../engine/colors.js';
import { mergeReports, type NamedReport } from '../engine/merge.js';
import { formatReport } from '../engine/report.js';
import type { RunData } from '../engine/types.js';
import { usageError } from './errors.js';
import type { Io } from './io.js';
import { checkReportPath, type ReportPaths, reportFiles, writeReports } from './report-file.js';
import { exitCode } from './run.js';

export interface MergeOptions extends ReportPaths {
  files: string[];
}

/** A report larger than this is not one this tool wrote. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

async function readReport(file: string, io: Io): Promise<NamedReport> {
  let text: string;
  try {
    const buffer = await readFile(resolve(io.cwd, file));
    if (buffer.length > MAX_REPORT_BYTES) throw usageError(`${file} is larger than 512 MiB: not a fungies-contract report`);
    text = buffer.toString('utf8');
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitError') throw err;
    throw usageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return { file, data: JSON.parse(text) as RunData };
  } catch {
    throw usageError(`${file} is not JSON: give the reports run --json wrote`);
  }
}

export async function mergeCommand(options: MergeOptions, io: Io): Promise<{ code: number; data: RunData }> {
  const reports = reportFiles(options, io.cwd);
  for (const r of reports) await checkReportPath(r.flag, r.file);
  const parts = [];
  for (const file of options.files) parts.push(await readReport(file, io));
  const merged = mergeReports(parts);
  if (typeof merged === 'string') throw usageError(merged);
  io.stderr.write(`==> fungies-contract merge: ${parts.length} report(s), ${merged.checks.length} checks\n`);
  io.stdout.write(`\n${formatReport(merged, colorsFor(io.stdout, io.env))}\n`);
  await writeReports(reports, merged, io);
  return { code: exitCode(merged, io), data: merged };
}
