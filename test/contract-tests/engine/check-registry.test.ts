// A check is one registered module: the planner, the runner, the skip rule and the reports read the registry, never a list of kinds of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FAMILIES, CHECKS } from '../../../contract-tests/engine/check-registry.js';
import { planChecks } from '../../../contract-tests/engine/checks.js';
import { plainColors } from '../../../contract-tests/engine/colors.js';
import { formatSummary } from '../../../contract-tests/engine/report.js';
import type { CheckResult, RunData } from '../../../contract-tests/engine/types.js';
import schema from '../../../contract-tests/report.schema.json' with { type: 'json' };
import { listOperations } from '../../../src/operations.js';

const ENGINE = 'contract-tests/engine';

describe('the check registry', () => {
  it('registers every module under checks/ once, each under its own name', async () => {
    const files = readdirSync(join(ENGINE, 'checks')).filter((f) => f.endsWith('.ts'));
    const exported = (
      await Promise.all(files.map(async (f) => Object.values(await import(`../../../${ENGINE}/checks/${f}`)) as unknown[]))
    ).flat();
    const modules = exported.filter((m) => CHECKS.includes(m as never));
    expect(modules).toHaveLength(CHECKS.length);
    expect(files).toHaveLength(CHECKS.length);
    expect(new Set(CHECKS.map((c) => c.name)).size).toBe(CHECKS.length);
  });

  // The coverage matrix reads the status checks by design: it is a table of documented statuses.
  it('is the only place the planner, the runner, the skip rule and the reports learn the kinds of check from', () => {
    const names = CHECKS.map((c) => c.name).join('|');
    const branch = new RegExp(`((?<!f.)kind === '(${names})'|case '(${names})':|'(${names})', ')`);
    const offenders = ['checks.ts', 'run-checks.ts', 'report.ts', 'junit.ts', 'json-report.ts'].filter((f) =>
      branch.test(readFileSync(join(ENGINE, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('plans only checks of registered kinds, and every module plans some against the spec', () => {
    const kinds = new Set(planChecks(listOperations()).map((c) => c.kind));
    expect([...kinds].sort()).toEqual(CHECKS.map((c) => c.name).sort());
  });

  it('gives the summary one row per module, in registry order, labelled by the module', () => {
    const result = (kind: string): CheckResult => ({
      id: kind,
      kind,
      operationId: 'X',
      method: 'GET',
      path: '/x',
      tags: [],
      outcome: 'passed',
      findings: [],
      durationMs: 0,
    });
    const data = {
      target: { url: 'http://127.0.0.1:1', kind: 'live' },
      checks: [...CHECKS].reverse().map((c) => result(c.name)),
      durationMs: 0,
      strict: false,
    } as unknown as RunData;
    const rows = formatSummary(data, plainColors)
      .split('\n')
      .filter((l) => / \d+ passed, \d+ failed, \d+ skipped$/.test(l))
      .map((l) => l.trim().replace(/\s+\d+ passed.*$/, ''));
    expect(rows).toEqual(CHECKS.map((c) => c.label));
  });

  it('publishes each name with its family for reports that group checks', () => {
    expect(CHECK_FAMILIES.map((f) => f.name)).toEqual(CHECKS.map((c) => c.name));
    for (const f of CHECK_FAMILIES) expect(['conformance', 'security', 'data', 'behaviour']).toContain(f.family);
  });

  it("lets the JSON report's schema accept every registered name as a check's kind", () => {
    const kind = schema.$defs.check.properties.kind as { pattern: string };
    for (const c of CHECKS) expect(c.name).toMatch(new RegExp(kind.pattern));
  });
});
