/** `fungies-contract run` with its own Prism: Prism's output is shown when the run fails, and only then. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunOptions, runCommand } from '../../contract-tests/commands/run.js';
import { SPEC_FILE } from '../../contract-tests/spec-path.js';
import { memoryIo } from './helpers.js';

const OPERATION = 'GetV0DiscountsDiscountId';
const TRUE_CONST = `    GetV0DiscountsDiscountIdPositiveResponse:
      type: object
      properties:
        status:
          type: string
          const: success
`;

let dir: string;
let lyingSpec: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fungies-prism-log-'));
  // A copy of the spec whose 200 body says `status: "lie"`: Prism serves it, the suite's validators
  // (generated from the real spec) must reject it.
  const spec = await readFile(SPEC_FILE, 'utf8');
  expect(spec).toContain(TRUE_CONST);
  lyingSpec = join(dir, 'api-docs.yaml');
  await writeFile(lyingSpec, spec.replace(TRUE_CONST, TRUE_CONST.replace('const: success', 'const: lie')));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const options = (prismSpec?: string): RunOptions => ({
  targetIsPrism: false,
  operation: OPERATION,
  allowWrites: false,
  strict: false,
  timeoutMs: 10_000,
  prismSpec,
});

describe('fungies-contract run against its own Prism mock', () => {
  it("prints Prism's captured output after the report when a check fails", async () => {
    const io = memoryIo('', { NO_COLOR: '1' });
    const { code } = await runCommand(options(lyingSpec), io);
    expect(code).toBe(1);
    const out = io.out();
    expect(out).toContain(`✘ ${OPERATION} GET /v0/discounts/{discountId} [200] /status: const`);
    expect(out).toContain('Prism output (last');
    const log = out.slice(out.indexOf('Prism output (last'));
    // Lines only Prism writes: its request log for the failing check.
    expect(log).toMatch(/\[HTTP SERVER\] get \/v0\/discounts\/3c90c3cc-0d44-4b50-8888-8dd25736052a/);
    expect(out.indexOf('Prism output (last')).toBeGreaterThan(out.indexOf('/status: const'));
  });

  it("passes every check of every operation, and keeps Prism's output out of a passing run", async () => {
    const io = memoryIo('', { NO_COLOR: '1' });
    const { code } = await runCommand({ ...options(), operation: undefined }, io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/✔ \d+ checks passed/);
    expect(io.out() + io.err()).not.toContain('Prism output');
    expect(io.out() + io.err()).not.toContain('[HTTP SERVER]');
    // The whole suite (about 900 checks) against a Prism it starts: ~30 s idle, more on a shared machine.
  }, 180_000);
});
