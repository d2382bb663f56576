/**
 * The human report, schemathesis-style: one block per failing operation, one finding per root
 * cause (operation, method, path, status, JSON pointer, rule, expected, actual), the response
 * excerpt and a `Reproduce with:` curl with masked keys; then coverage and a summary. Pure: colour
 * comes in as callbacks, so CI logs, files and terminals get the same text.
 */
import { CHECKS, checkModule } from './check-registry.js';
import type { Colors } from './colors.js';
import { formatCoverage } from './coverage.js';
import { toCurl } from './curl.js';
import type { CheckResult, Finding, RunData } from './types.js';

/** One finding: a grep-able first line, then what was expected and what arrived. */
export function formatFinding(f: Finding, c: Colors): string {
  const defect = f.kind === 'spec-defect';
  const mark = defect ? c.yellow('⚠') : c.red('✘');
  const where = f.pointer === '' ? '(body)' : f.pointer;
  const kind = defect ? ' (spec defect)' : f.kind === 'request' ? ' (request)' : f.kind === 'negative' ? ' (not rejected)' : '';
  const lines = [
    `${mark} ${c.bold(f.operationId)} ${f.method} ${f.path} [${f.status ?? '–'}] ${where}: ${c.bold(f.rule)}${kind}`,
    `    expected: ${f.expected}`,
    `    actual:   ${f.actual}`,
  ];
  if (f.note) lines.push(c.dim(`    note:     ${f.note}`));
  if (f.url) lines.push(c.dim(`    request:  ${f.method} ${f.url}`));
  return lines.join('\n');
}

/** Checks grouped by operation, in the order the operations first appear. */
export function byOperation(checks: readonly CheckResult[]): Map<string, CheckResult[]> {
  const groups = new Map<string, CheckResult[]>();
  for (const ch of checks) groups.set(ch.operationId, [...(groups.get(ch.operationId) ?? []), ch]);
  return groups;
}

/** How many of `checks` ended with `outcome`. */
export const countOutcome = (checks: readonly CheckResult[], outcome: CheckResult['outcome']) =>
  checks.filter((ch) => ch.outcome === outcome).length;

function checkTitle(check: CheckResult): string {
  return checkModule(check.kind)?.title(check) ?? check.id;
}

function countLabel(findings: readonly Finding[]): string {
  const defects = findings.filter((f) => f.kind === 'spec-defect').length;
  const violations = findings.length - defects;
  const parts = [];
  if (violations) parts.push(`${violations} violation${violations === 1 ? '' : 's'}`);
  if (defects) parts.push(`${defects} spec defect${defects === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The block of one check: title, findings, response excerpt, curl. */
export function formatCheckBlock(check: CheckResult, c: Colors): string {
  const lines = [`- ${checkTitle(check)} (${countLabel(check.findings)})`, ''];
  for (const f of check.findings) lines.push(indent(formatFinding(f, c), 4), '');
  if (check.response) {
    const r = check.response;
    lines.push(
      `    [${r.status}]${r.statusText ? ` ${r.statusText}` : ''}${r.contentType ? ` (${r.contentType})` : ''}: ${r.bodyExcerpt || '(empty body)'}`,
      '',
    );
  }
  if (check.request) lines.push('    Reproduce with:', '', `      ${toCurl(check.request)}`, '');
  return lines.join('\n');
}

const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n));

export function formatReport(data: RunData, c: Colors): string {
  const out: string[] = [];
  const reported = data.checks.filter((ch) => ch.findings.length > 0);
  for (const [operationId, checks] of byOperation(reported)) {
    const first = checks[0]!;
    out.push(c.bold(`___ ${first.method} ${first.path} (${operationId}) ___`), '');
    for (const ch of checks) out.push(formatCheckBlock(ch, c));
  }
  out.push(formatCoverage(data, c), '', formatSummary(data, c));
  return out.join('\n');
}

/** The spec as reports name it: `openapi/api-docs.yaml (bundled) sha256 …`, or the --spec path or URL. */
export const specLabel = (data: RunData) => {
  const s = data.spec.source;
  return `${data.spec.title} ${data.spec.version}${s ? `, ${s.location}${s.bundled ? ' (bundled)' : ''} sha256 ${s.sha256}` : ''}`;
};

/** The target as reports name it: `staging-eu (https://…)` for a named target of the config file. */
export const targetLabel = (data: RunData) => (data.target.name ? `${data.target.name} (${data.target.url})` : data.target.url);

export function formatSummary(data: RunData, c: Colors): string {
  const line = (label: string, checks: CheckResult[]) =>
    `  ${label.padEnd(28)} ${countOutcome(checks, 'passed')} passed, ${countOutcome(checks, 'failed')} failed, ${countOutcome(checks, 'skipped')} skipped`;
  const defects = data.checks.flatMap((ch) => ch.findings).filter((f) => f.kind === 'spec-defect').length;
  const failed = countOutcome(data.checks, 'failed');
  const skippedReasons = [...new Set(data.checks.filter((ch) => ch.outcome === 'skipped').map((ch) => ch.reason ?? ''))].filter(Boolean);
  const lines = [c.bold('Checks')];
  // One row per check module, in registry order.
  for (const { name, label } of CHECKS) {
    const checks = data.checks.filter((ch) => ch.kind === name);
    if (checks.length > 0) lines.push(line(label, checks));
  }
  for (const r of data.created ?? [])
    lines.push(c.yellow(`  created ${r.resource} ${r.id}${r.archived ? ' (archived again)' : ' (not archived: remove it by hand)'}`));
  // A report from before reports named their spec (or a hand-made one) has no source.
  if (data.spec?.source) lines.push(c.dim(`  spec ${specLabel(data)}`));
  if (data.seed !== undefined) lines.push(c.dim(`  seed ${data.seed} (--seed ${data.seed} repeats the generated requests)`));
  if (defects)
    lines.push(
      c.yellow(
        `  ${'spec defects'.padEnd(28)} ${defects} reported${data.strict ? ' (failing: --strict)' : ', not failing (--strict makes them fail)'}`,
      ),
    );
  for (const reason of skippedReasons.slice(0, 5)) lines.push(c.dim(`  skipped: ${reason}`));
  const seconds = (data.durationMs / 1000).toFixed(1);
  lines.push(
    '',
    failed > 0
      ? c.red(c.bold(`✘ ${failed} of ${data.checks.length} checks failed against ${targetLabel(data)} in ${seconds} s`))
      : c.green(
          c.bold(
            `✔ ${countOutcome(data.checks, 'passed')} checks passed${countOutcome(data.checks, 'skipped') ? `, ${countOutcome(data.checks, 'skipped')} skipped` : ''} against ${targetLabel(data)} in ${seconds} s`,
          ),
        ),
  );
  return lines.join('\n');
}
