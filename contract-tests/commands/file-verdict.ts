/** What `check` and `check webhook` print for one saved file: its findings, made safe to show, and a verdict line. */
import { colorsFor } from '../engine/colors.js';
import { formatFinding } from '../engine/report.js';
import { printable, sanitize } from '../engine/safe-text.js';
import type { Finding } from '../engine/types.js';
import { EXIT } from './errors.js';
import type { Io } from './io.js';

export interface FileVerdict {
  /** The file as named on the command line (`-` for stdin). */
  file: string;
  /** What the heading names before the file: `PATCH /v0/… (Op) 200`, `webhook payment_success`. */
  subject: string;
  /** What a clean file conforms to: `Op 200`, `the payment_success webhook event`. */
  conformsTo: string;
  /** Spec defects fail too. */
  strict: boolean;
}

/** Prints the verdict on `found` and returns the exit code with the findings as shown. */
export function printVerdict(io: Io, found: readonly Finding[], verdict: FileVerdict): { code: number; findings: Finding[] } {
  // A saved body may hold anything: findings are shown, never obeyed.
  const findings = sanitize([...found], []);
  const c = colorsFor(io.stdout, io.env);
  const failing = findings.filter((f) => verdict.strict || f.kind !== 'spec-defect');
  const defects = findings.filter((f) => f.kind === 'spec-defect').length;
  const violations = findings.length - defects;
  const label = printable(verdict.file === '-' ? 'stdin' : verdict.file);
  const lines = [c.bold(`___ ${verdict.subject}: ${label} ___`), ''];
  for (const f of findings) lines.push(formatFinding(f, c), '');
  const defectNote = defects
    ? `, ${defects} spec defect${defects === 1 ? '' : 's'}${verdict.strict ? '' : ' (not failing; --strict makes them fail)'}`
    : '';
  if (failing.length > 0) lines.push(c.red(c.bold(`✘ ${violations} violation${violations === 1 ? '' : 's'}${defectNote} in ${label}`)));
  else lines.push(c.green(c.bold(`✔ ${label} conforms to ${verdict.conformsTo}${defectNote}`)));
  io.stdout.write(`${lines.join('\n')}\n`);
  return { code: failing.length > 0 ? EXIT.failures : EXIT.pass, findings };
}
