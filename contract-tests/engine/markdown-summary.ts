/**
 * The Markdown summary (`--summary <file>`, e.g. `--summary "$GITHUB_STEP_SUMMARY"`): totals per
 * check family and the failed checks with their findings. GitHub renders inline HTML there, so
 * every server text goes into an HTML-escaped <code> (no Markdown, link or table cell it could
 * open), on one line.
 */
import { familiesOf } from './html-report.js';
import { specLabel } from './report.js';
import { reproduceCommand } from './reproduce.js';
import type { CheckOutcome, CheckResult, RunData } from './types.js';

/** Failed checks listed; the rest are counted. */
const MAX_LISTED = 30;

const code = (s: string) =>
  `<code>${s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/[\r\n]+/g, ' ')}</code>`;

const count = (checks: readonly CheckResult[], outcome: CheckOutcome) => checks.filter((c) => c.outcome === outcome).length;

export function formatMarkdown(data: RunData): string {
  const failed = data.checks.filter((c) => c.outcome === 'failed');
  const verdict =
    failed.length > 0 ? `❌ ${failed.length} of ${data.checks.length} checks failed` : `✅ ${count(data.checks, 'passed')} checks passed`;
  const lines = [
    `## fungies-contract: ${verdict}`,
    '',
    `Target ${code(`${data.target.name ? `${data.target.name}: ` : ''}${data.target.url}`)} · spec ${code(specLabel(data))}${data.seed !== undefined ? ` · seed ${data.seed}` : ''} · ${(data.durationMs / 1000).toFixed(1)} s`,
    '',
    '| family | passed | failed | skipped |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const family of familiesOf(data.checks)) {
    const checks = data.checks.filter((c) => c.kind === family);
    lines.push(`| ${family} | ${count(checks, 'passed')} | ${count(checks, 'failed')} | ${count(checks, 'skipped')} |`);
  }
  lines.push(
    `| **total** | **${count(data.checks, 'passed')}** | **${count(data.checks, 'failed')}** | **${count(data.checks, 'skipped')}** |`,
    '',
  );
  if (failed.length > 0) {
    lines.push('### Failed checks', '');
    for (const c of failed.slice(0, MAX_LISTED)) {
      lines.push(`- ${code(c.id)}`);
      for (const f of c.findings.slice(0, 5))
        lines.push(`  - ${code(f.pointer || '(body)')} ${code(f.rule)}: expected ${code(f.expected)}, got ${code(f.actual)}`);
      if (c.findings.length > 5) lines.push(`  - … ${c.findings.length - 5} more`);
    }
    if (failed.length > MAX_LISTED) lines.push(`- … ${failed.length - MAX_LISTED} more failed checks (see the HTML or JSON report)`);
    lines.push('');
  }
  lines.push(`Reproduce: ${code(reproduceCommand(data))}`, '');
  return lines.join('\n');
}
