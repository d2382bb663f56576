/** The change report, from one set of data: a terminal summary and a markdown entry for openapi/CHANGES.md. */

import { printable } from '../../../contract-tests/spec/spec-file.js';
import { SPEC_PATH } from '../../../contract-tests/spec-path.js';
import type { Change, OperationKey } from './changes.js';
import { PROVENANCE_PATH as PROVENANCE_FILE } from './provenance.js';
import type { CompileError } from './typecheck.js';

export const CHANGES_PATH = 'openapi/CHANGES.md';
const ENTRIES_MARKER = '<!-- spec:update adds each entry below this line, newest first -->';

export interface UpdateReport {
  source: string;
  /** The source is the vendor's own file (default URL or --official). */
  official: boolean;
  fromVersion: string;
  toVersion: string;
  /** YYYY-MM-DD */
  date: string;
  changes: Change[];
  compileErrors: CompileError[];
  /** Operations of the old spec (rebuilt ones) that the official file does not hold. */
  lacking: OperationKey[];
  /** PROVENANCE.md outcome, when the source is official. */
  provenance?: { marked: string[]; added: string[]; dropped: string[] } | 'missing';
}

export function breakingCount(report: UpdateReport): number {
  return report.changes.filter((c) => c.severity === 'breaking').length + report.compileErrors.length;
}

const opLabel = (op: OperationKey) => `${op.method} ${op.path}`;
/** "response 200: field data.order.id removed"; a detail that names its location ("query parameter x removed") is shown as is. */
const what = (c: Change) =>
  c.where === 'operation' || c.detail.startsWith(c.where)
    ? c.detail
    : `${c.where}${c.field && !c.detail.includes(c.field) ? ` ${c.field}` : ''}: ${c.detail}`;

export function summaryLine(report: UpdateReport): string {
  const breaking = report.changes.filter((c) => c.severity === 'breaking').length;
  const safe = report.changes.length - breaking;
  const compile = report.compileErrors.length;
  if (report.changes.length === 0 && compile === 0) return 'no changes to operations, parameters, schemas or security (safe)';
  const parts = [`${breaking} breaking for callers`, `${safe} safe`];
  if (compile > 0) parts.push(`${compile} compile error${compile === 1 ? '' : 's'} in this client (breaking)`);
  return parts.join(', ');
}

/** Terminal text; long lists stop at `limit` lines per section, CHANGES.md has them all. */
export function formatTerminal(report: UpdateReport, limit = 40): string {
  const out: string[] = [`Changes ${report.fromVersion} → ${report.toVersion}: ${summaryLine(report)}`];
  for (const severity of ['breaking', 'safe'] as const) {
    const changes = report.changes.filter((c) => c.severity === severity);
    if (changes.length === 0) continue;
    out.push('', severity === 'breaking' ? 'Breaking for callers:' : 'Safe:');
    let lastOp = '';
    for (const c of changes.slice(0, limit)) {
      const op = `${opLabel(c.operation)} (${c.operation.operationId})`;
      if (op !== lastOp) out.push(`  ${op}`);
      lastOp = op;
      out.push(`    ${severity === 'breaking' ? '✘' : '✔'} ${what(c)} — ${c.reason}`);
    }
    if (changes.length > limit) out.push(`    … and ${changes.length - limit} more in ${CHANGES_PATH}`);
  }
  if (report.compileErrors.length > 0) {
    out.push('', 'Breaking for this client (the project no longer compiles against the new types):');
    for (const e of report.compileErrors.slice(0, limit)) out.push(`  ✘ ${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`);
    if (report.compileErrors.length > limit) out.push(`  … and ${report.compileErrors.length - limit} more in ${CHANGES_PATH}`);
  }
  for (const section of provenanceSections(report))
    out.push('', `${section.title}${section.items.length > 0 ? ':' : ''}`, ...section.items.map((i) => `  ${i}`));
  // Names come from the spec: escaped, they can neither add lines nor send escape sequences to the terminal.
  return out.map(printable).join('\n');
}

/** What the update means for provenance, as a title and items, rendered by each format. */
function provenanceSections(report: UpdateReport): { title: string; items: string[] }[] {
  const out: { title: string; items: string[] }[] = [];
  if (report.lacking.length > 0) {
    out.push({
      title: `Rebuilt operations the official file lacks (${report.lacking.length}): removed from the spec by this update`,
      items: report.lacking.map((op) => `${opLabel(op)} (${op.operationId})`),
    });
  }
  if (report.provenance === 'missing') out.push({ title: `No ${PROVENANCE_FILE}: no rows to mark official`, items: [] });
  else if (report.provenance) {
    const { marked, added, dropped } = report.provenance;
    out.push({
      title: `${PROVENANCE_FILE}: ${marked.length} row(s) marked official, ${added.length} added, ${dropped.length} removed`,
      items: [...added.map((id) => `added: ${id}`), ...dropped.map((row) => `removed: ${row}`)],
    });
  }
  return out;
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** One CHANGES.md entry. */
export function formatMarkdownEntry(report: UpdateReport): string {
  const out = [
    `## ${report.fromVersion} → ${report.toVersion} (${report.date})`,
    '',
    `From ${code(report.source)}${report.official ? " (the vendor's official file)" : ''}: ${summaryLine(report)}.`,
  ];
  for (const severity of ['breaking', 'safe'] as const) {
    const changes = report.changes.filter((c) => c.severity === severity);
    if (changes.length === 0) continue;
    out.push('', severity === 'breaking' ? '### Breaking for callers' : '### Safe', '');
    for (const c of changes) out.push(`- ${code(opLabel(c.operation))} ${what(c)} — ${c.reason}`);
  }
  if (report.compileErrors.length > 0) {
    out.push('', '### Breaking for this client (compile errors)', '');
    for (const e of report.compileErrors) out.push(`- ${code(`${e.file}:${e.line}:${e.column}`)} ${e.code} ${e.message}`);
  }
  for (const section of provenanceSections(report))
    out.push('', `### ${section.title}`, ...(section.items.length > 0 ? ['', ...section.items.map((i) => `- ${i}`)] : []));
  return `${out.map(printable).join('\n')}\n`;
}

/** CHANGES.md with `entry` on top of the older entries (the file is created on first use). */
export function prependEntry(existing: string | undefined, entry: string): string {
  if (existing === undefined || !existing.includes(ENTRIES_MARKER)) {
    const header = [
      `# Changes to ${SPEC_PATH}`,
      '',
      'Written by `npm run spec:update`, newest first. **Breaking for callers**: code that calls the API',
      'as the old spec described may fail. **Breaking for this client**: the project stopped compiling',
      'against the new types.',
      '',
      ENTRIES_MARKER,
      '',
      '',
    ].join('\n');
    return header + entry + (existing ? `\n${existing}` : '');
  }
  const at = existing.indexOf(ENTRIES_MARKER) + ENTRIES_MARKER.length;
  return `${existing.slice(0, at)}\n\n${entry}${existing.slice(at).replace(/^\n+/, '\n')}`;
}
