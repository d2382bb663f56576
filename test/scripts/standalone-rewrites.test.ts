/** Rewrites of Ajv's standalone code (scripts/lib/standalone-rewrites.ts) keep every answer Ajv's code gives. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/list-files.js';
import { integerChecksByTrunc } from '../../scripts/lib/standalone-rewrites.js';

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  -1.5,
  0.1 + 0.2,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e300,
  -1e300,
  5e-324,
  1700000000000,
  Infinity,
  -Infinity,
  NaN,
];

describe('integerChecksByTrunc', () => {
  it("rewrites Ajv's integer test into one that agrees with it on every kind of number", () => {
    const ajvTest = '(typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))';
    const rewritten = integerChecksByTrunc(ajvTest);
    expect(rewritten).toBe('(typeof data4 == "number") && (Math.trunc(data4) === data4)');
    const before = new Function('data4', `return ${ajvTest};`) as (x: unknown) => boolean;
    const after = new Function('data4', `return ${rewritten};`) as (x: unknown) => boolean;
    for (const x of [...NUMBERS, '1', null, true, {}]) expect(after(x), String(x)).toBe(before(x));
  });

  it('leaves every other `%` alone', () => {
    const code = '!(data % 2) && !isNaN(data); !(data1 % 1) && !isNaN(data2)';
    expect(integerChecksByTrunc(code)).toBe(code);
  });

  it("has rewritten every integer test of the lazily loaded validators in generated/ (Ajv's output kept its shape)", async () => {
    const dir = join(import.meta.dirname, '../../generated');
    const names = (await listFiles(dir)).filter((f) => f.endsWith('.cjs'));
    const all = (await Promise.all(names.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    expect(all).not.toContain('% 1)');
    expect(all).toContain('Math.trunc(');
  });
});
