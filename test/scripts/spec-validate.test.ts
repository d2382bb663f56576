// Spec validation: the official text passes, each defect is reported with its location, the command prints one screen.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSpecText, SpecInvalidError, type SpecProblem } from '../../contract-tests/spec/spec-file.js';
import { checkSpec } from '../../scripts/lib/spec-checks.js';

const official = readFileSync('openapi/official/cancel-order.yaml', 'utf8');

async function problemsOf(text: string): Promise<SpecProblem[]> {
  try {
    return await checkSpec(parseSpecText(text, 'spec.yaml'));
  } catch (err) {
    if (err instanceof SpecInvalidError) return err.problems;
    throw err;
  }
}

function edit(from: string, to: string): string {
  expect(official).toContain(from);
  return official.replace(from, to);
}

// Each test validates a whole copy of the official spec: seconds on a busy machine, past vitest's default 5 s.
describe('spec validation', { timeout: 60_000 }, () => {
  it('accepts the official cancel-order spec', async () => {
    expect(await problemsOf(official)).toEqual([]);
  });

  it.each([
    [
      'bad YAML',
      edit('  title: Fungies API v0', '  title: [Fungies API v0'),
      { line: 4, message: expect.stringMatching(/^YAML syntax: Flow sequence/) },
    ],
    [
      'a dangling $ref',
      edit('#/components/schemas/PatchV0OrdersOrderIdOrNumberCancelRequestBody', '#/components/schemas/Nope'),
      {
        line: 57,
        pointer: '/paths/~1v0~1orders~1{orderIdOrNumber}~1cancel/patch/requestBody/content/application~1json/schema/$ref',
        message: '$ref "#/components/schemas/Nope" points at nothing in this document',
      },
    ],
    [
      'type: strnig',
      edit(
        '        status:\n          type: string\n          const: error',
        '        status:\n          type: strnig\n          const: error',
      ),
      {
        line: 517,
        pointer: '/components/schemas/PatchV0OrdersOrderIdOrNumberCancelNegativeResponse/properties/status/type',
        message: expect.stringContaining('"strnig" must be equal to one of the allowed values'),
      },
    ],
    [
      'a path template without its parameter',
      edit('/v0/orders/{orderIdOrNumber}/cancel:', '/v0/orders/{orderIdOrNumber}/{extra}/cancel:'),
      {
        message:
          'PATCH /v0/orders/{orderIdOrNumber}/{extra}/cancel: path has {extra} but no "in: path" parameter named "extra" is declared',
      },
    ],
    [
      'a path parameter missing from the template',
      edit('/v0/orders/{orderIdOrNumber}/cancel:', '/v0/orders/cancel:'),
      { message: 'PATCH /v0/orders/cancel: path parameter "orderIdOrNumber" does not appear in the path template' },
    ],
    [
      'an unknown schema keyword (strict mode)',
      edit('          const: error', '          const: error\n          maxLenght: 3'),
      { message: expect.stringContaining('unknown keyword: "maxLenght"') },
    ],
    [
      "OpenAPI 3.0's nullable",
      edit('          const: error', '          const: error\n          nullable: true'),
      {
        pointer: '/components/schemas/PatchV0OrdersOrderIdOrNumberCancelNegativeResponse/properties/status/nullable',
        message: expect.stringContaining('"nullable" is OpenAPI 3.0'),
      },
    ],
    [
      'not OpenAPI 3.1',
      edit('openapi: 3.1.0', 'openapi: 3.0.3'),
      { pointer: '/openapi', message: 'expected "openapi: 3.1.x", found "3.0.3"' },
    ],
  ])('reports %s with its location', async (_name, text, expected) => {
    const problems = await problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(expected);
  });

  it('reports a duplicated operationId', async () => {
    const doubled = official.replace(
      /( {2}\/v0\/orders\/\{orderIdOrNumber\}\/cancel:\n[\s\S]*?)(components:)/,
      (_m, op: string, rest: string) => `${op}${op.replace('/cancel:', '/cancel2:')}${rest}`,
    );
    const problems = await problemsOf(doubled);
    expect(problems.map((p) => p.message)).toContain(
      'operationId "PatchV0OrdersOrderIdOrNumberCancel" is used twice: by PATCH /v0/orders/{orderIdOrNumber}/cancel and PATCH /v0/orders/{orderIdOrNumber}/cancel2',
    );
  });

  it('prints one screen and exits 2 from the command line, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spec-'));
    const file = join(dir, 'broken.yaml');
    await writeFile(file, edit('#/components/schemas/PatchV0OrdersOrderIdOrNumberCancelRequestBody', '#/components/schemas/Nope'));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/spec-validate.ts', file], { timeout: 60_000 });
    const error = (await run.catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toContain(`✘ ${file} is not a valid OpenAPI 3.1 spec (1 problem):`);
    expect(error.stderr).toContain(`${file}:57:21`);
    expect(error.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  }, 90_000);
});
