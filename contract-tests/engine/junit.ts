/** JUnit XML for CI dashboards: one testsuite per operation, one testcase per check. */
import { plainColors } from './colors.js';
import { byOperation, countOutcome, formatFinding } from './report.js';
import { printable } from './safe-text.js';
import type { RunData } from './types.js';

// printable() first: XML 1.0 cannot carry most control characters even escaped.
const xml = (s: string) => printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formatJUnit(data: RunData): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fungies-contract" tests="${data.checks.length}" failures="${countOutcome(data.checks, 'failed')}" skipped="${countOutcome(data.checks, 'skipped')}" time="${(data.durationMs / 1000).toFixed(3)}">`,
  ];
  for (const [operationId, checks] of byOperation(data.checks)) {
    const time = checks.reduce((t, c) => t + c.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite name="${xml(operationId)}" tests="${checks.length}" failures="${countOutcome(checks, 'failed')}" skipped="${countOutcome(checks, 'skipped')}" time="${time.toFixed(3)}">`,
    );
    for (const c of checks) {
      lines.push(
        `    <testcase classname="${xml(`${c.method} ${c.path}`)}" name="${xml(c.id)}" time="${(c.durationMs / 1000).toFixed(3)}">`,
      );
      if (c.outcome === 'skipped') lines.push(`      <skipped message="${xml(c.reason ?? '')}"/>`);
      const text = c.findings.map((f) => formatFinding(f, plainColors)).join('\n');
      if (c.outcome === 'failed') lines.push(`      <failure message="${xml(`${c.findings.length} finding(s)`)}">${xml(text)}</failure>`);
      else if (c.findings.length > 0) lines.push(`      <system-out>${xml(text)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
