/** The coverage table: operations × documented statuses, each checked / passed / failed / skipped, with totals. */
import type { Colors } from './colors.js';
import type { CheckResult, RunData } from './types.js';

export interface CoverageRow {
  operationId: string;
  /** Status key → outcome cell. */
  cells: Record<string, CheckResult['outcome'] | 'defect'>;
  checked: number;
  passed: number;
  failed: number;
  skipped: number;
}

export function coverageRows(data: RunData): CoverageRow[] {
  return data.operations.map((op) => {
    const row: CoverageRow = { operationId: op.operationId, cells: {}, checked: 0, passed: 0, failed: 0, skipped: 0 };
    for (const status of op.statuses) {
      const check = data.checks.find((c) => c.kind === 'status' && c.operationId === op.operationId && c.status === status);
      if (!check) continue;
      row[check.outcome]++;
      if (check.outcome !== 'skipped') row.checked++;
      row.cells[status] = check.outcome === 'passed' && check.findings.length > 0 ? 'defect' : check.outcome;
    }
    return row;
  });
}

/** The mark of each outcome, in the coverage table and the progress lines; `defect`: passed, spec defect reported. */
export const OUTCOME_MARK = { passed: '✔', failed: '✘', skipped: '–', defect: '!' } as const;

export function formatCoverage(data: RunData, c: Colors): string {
  const rows = coverageRows(data);
  const statuses = [...new Set(data.operations.flatMap((o) => o.statuses))].sort();
  const nameWidth = Math.max('operation'.length, 'total'.length, ...rows.map((r) => r.operationId.length));
  const statusWidth = Math.max(3, ...statuses.map((s) => s.length));
  const counts = ['checked', 'passed', 'failed', 'skipped'] as const;
  const paint = (cell: keyof typeof OUTCOME_MARK, s: string) =>
    cell === 'passed' ? c.green(s) : cell === 'failed' ? c.red(s) : cell === 'defect' ? c.yellow(s) : c.dim(s);
  const header = `  ${'operation'.padEnd(nameWidth)}  ${statuses.map((s) => s.padEnd(statusWidth)).join(' ')}  │ ${counts.map((k) => k.padStart(7)).join(' ')}`;
  const lines = [
    c.bold(`Coverage: ${rows.length} operation${rows.length === 1 ? '' : 's'} × documented statuses`) +
      c.dim('  (✔ passed  ✘ failed  – skipped  ! passed, spec defect reported)'),
    '',
    c.bold(header),
  ];
  for (const r of rows) {
    const cells = statuses.map((s) => {
      const cell = r.cells[s];
      return cell ? paint(cell, OUTCOME_MARK[cell].padEnd(statusWidth)) : ' '.repeat(statusWidth);
    });
    lines.push(`  ${r.operationId.padEnd(nameWidth)}  ${cells.join(' ')}  │ ${counts.map((k) => String(r[k]).padStart(7)).join(' ')}`);
  }
  const total = (k: (typeof counts)[number]) => rows.reduce((n, r) => n + r[k], 0);
  lines.push(
    c.bold(
      `  ${'total'.padEnd(nameWidth)}  ${' '.repeat(Math.max(0, statuses.length * (statusWidth + 1) - 1))}  │ ${counts.map((k) => String(total(k)).padStart(7)).join(' ')}`,
    ),
  );
  return lines.join('\n');
}
