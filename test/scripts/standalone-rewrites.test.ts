/** Rewrites of Ajv's standalone code (scripts/lib/standalone-rewrites.ts) keep every answer Ajv's code gives. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/list-files.js';
import { contextAsArguments, integerChecksByTrunc } from '../../scripts/lib/standalone-rewrites.js';

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

describe('contextAsArguments', () => {
  const declaration = (name: string) =>
    `function ${name}(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){return [instancePath, parentData, parentDataProperty, rootData, dynamicAnchors];}`;
  const run = (code: string, expression: string) => new Function(`${code}\nreturn ${expression};`)() as unknown[];

  it('passes the context as five arguments, each the value the object held; the data alone still takes the defaults', () => {
    const code = [
      declaration('validate1'),
      'const anchors = { a: 1 };',
      'function validate2(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){',
      '  return validate1(data[3], {instancePath:instancePath+"/data/orders/" + 3,parentData:data,parentDataProperty:3,rootData,dynamicAnchors}); }',
      'validate1.evaluated = {}; const exported = validate2;',
      'const nested = (d) => validate2(d, {instancePath:"/p",parentData:null,parentDataProperty:"x",rootData:7,dynamicAnchors:anchors});',
    ].join('\n');
    const rewritten = contextAsArguments(code);
    expect(rewritten).toContain(
      'function validate1(data, instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={})',
    );
    expect(rewritten).toContain('validate1(data[3], instancePath+"/data/orders/" + 3, data, 3, rootData, dynamicAnchors)');
    const calls = ['exported([0, 1, 2, "x"])', 'nested([0, 1, 2, "x"])'];
    for (const call of calls) expect(run(rewritten, call), call).toEqual(run(code, call));
    expect(run(rewritten, 'validate1(5)')).toEqual(['', undefined, undefined, 5, {}]);
    expect(run(code, 'validate1(5)')).toEqual(['', undefined, undefined, 5, {}]);
  });

  it.each([
    ['a context held in a variable', 'validate1(x, ctx)'],
    ['a context with a property missing', 'validate1(x, {instancePath, parentData, parentDataProperty, rootData})'],
    ['a context in another order', 'validate1(x, {parentData, instancePath, parentDataProperty, rootData, dynamicAnchors})'],
    ['a context with a spread', 'validate1(x, {...ctx, parentData, parentDataProperty, rootData, dynamicAnchors})'],
    ['a call through .call', 'validate1.call(this, x, ctx)'],
    ['the function handed on', 'run(validate1)'],
  ])('throws on %s instead of guessing', (_what, use) => {
    expect(() => contextAsArguments(`${declaration('validate1')}\n${use};`)).toThrow(/the rewrite does not know/);
  });

  it('has rewritten every call context in generated/', async () => {
    const dir = join(import.meta.dirname, '../../generated');
    const names = (await listFiles(dir)).filter((f) => f.endsWith('.cjs'));
    const all = (await Promise.all(names.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    expect(all).not.toContain('dynamicAnchors={}}={}');
    expect(all).not.toMatch(/validate\d+\([^()]*, \{instancePath/);
  });
});
