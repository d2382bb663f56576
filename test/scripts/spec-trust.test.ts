// The spec is untrusted input: the payloads found against the generators are refused by spec:check, spec:generate and spec:update --dry-run, and nothing is written.
import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, NAMED_PAYLOADS, PLANTED, runScript, writeSpec } from './hostile-spec.js';
import { createSandbox, type Sandbox } from './spec-update/sandbox.js';

let box: Sandbox;
beforeAll(async () => {
  box = await createSandbox();
}, 60_000);
afterAll(async () => {
  await box?.remove();
  // Where a payload climbing out of the temp repo would land (see PLANTED).
  await rm(outsidePlant(), { force: true });
});

const outsidePlant = () => resolve(box.repo.dir, '../..', 'test/src/zz-pwned-by-dry-run.test.ts');

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Nothing was planted, inside the repo or just outside it, and the repo is as it was. */
async function expectNothingWritten(before: Map<string, string>) {
  for (const rel of PLANTED) expect(await exists(join(box.repo.dir, rel)), rel).toBe(false);
  expect(await exists(outsidePlant()), outsidePlant()).toBe(false);
  expect(await box.repo.snapshot()).toEqual(before);
  expect(box.repo.gitStatus()).toBe('');
  expect(CANARY in globalThis).toBe(false);
}

/** What each refusal must name: the JSON pointer of the offending value and the rule it breaks. */
const REFUSALS: Record<string, RegExp> = {
  'operationId → code': /#\/paths\/~1v0~1zzz~1list\/get\/operationId\n\s+operationId .*must match/,
  'path segment + parameter name → code': /#\/paths\/.*\n\s+path (segment|parameter) .*must match/,
  'operationId → file path': /#\/paths\/~1v0~1zzz~1list\/get\/operationId\n\s+operationId .*must match/,
  'catastrophic pattern on a path id':
    /#\/components\/schemas\/IdOrNumber\/oneOf\/1\/pattern\n\s+pattern "\^\(a\+\)\+\$" can backtrack catastrophically/,
};

describe.each(Object.keys(NAMED_PAYLOADS))('%s', (name) => {
  let file: string;
  beforeAll(async () => {
    file = await writeSpec(box.scratch, `${name.replace(/\W+/g, '-')}.yaml`, NAMED_PAYLOADS[name]!());
  });

  it('spec:check refuses it with exit 2, naming the JSON pointer and the rule', async () => {
    const before = await box.repo.snapshot();
    const run = await runScript(box.repo.dir, 'spec-check', file);
    expect(run.stderr).toMatch(REFUSALS[name]!);
    expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(run.code).toBe(2);
    await expectNothingWritten(before);
  }, 60_000);

  it('spec:generate refuses it with exit 2 and writes nothing', async () => {
    const before = await box.repo.snapshot();
    const run = await runScript(box.repo.dir, 'spec-generate', file);
    expect(run.stderr).toMatch(REFUSALS[name]!);
    expect(run.code).toBe(2);
    await expectNothingWritten(before);
  }, 60_000);

  it('spec:update --dry-run refuses it with exit 2 and writes nothing, not even in its type-check copy', async () => {
    const before = await box.repo.snapshot();
    const { error, output } = await box.run({ source: file, dryRun: true });
    expect(output).not.toMatch(/new error\(s\)/);
    expect(error?.message).toMatch(REFUSALS[name]!);
    expect(error?.exitCode).toBe(2);
    await expectNothingWritten(before);
  }, 180_000);
});
