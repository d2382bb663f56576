/** Long string enums in the precompiled validators are Set lookups (scripts/lib/enum-sets.ts) that answer and report as Ajv's chain of ===. */
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { compileEnumsAsSets, MIN_SET_ENUM } from '../../scripts/lib/enum-sets.js';
import { standaloneAjv } from '../../scripts/lib/generate-validators.js';
import { HOSTILE } from './hostile-spec.js';

const strings = Array.from({ length: MIN_SET_ENUM + 4 }, (_, i) => `V${i}`);

function setAjv() {
  const ajv = standaloneAjv({ openapi: '3.1.0', components: { schemas: {} } });
  compileEnumsAsSets(ajv);
  return ajv;
}

describe('compileEnumsAsSets', () => {
  it.each([
    ['a long enum of strings', strings, true],
    ['a long enum of hostile strings', [...Object.values(HOSTILE), ...strings], true],
    ['a short enum', strings.slice(0, MIN_SET_ENUM - 1), false],
    ['a long enum holding a number', [...strings, 1], false],
    ['a long enum holding null', [...strings, null], false],
  ])('%s: the same verdicts and errors as the chain of ===', (_what, values, asSet) => {
    const schema = { type: ['string', 'number', 'null'], enum: values };
    const fast = setAjv().compile(structuredClone(schema));
    const plain = createAjv({ strict: false, verbose: true }).compile(structuredClone(schema));
    expect(String(fast).includes('.has(data)')).toBe(asSet);
    for (const x of [...values, 'V', 'v0', '', 1, 0, Number.NaN, null, `${values[0]} `, String(values[values.length - 1])]) {
      expect(fast(x), JSON.stringify(x)).toBe(plain(x));
      expect(fast.errors ?? null).toEqual(plain.errors ?? null);
    }
  });

  it('keeps the enum where Ajv evaluates it among the other keywords: errors come in the same order', () => {
    const schema = { type: 'string', minLength: 3, format: 'uuid', enum: strings, pattern: '^V' };
    const fast = setAjv().compile(structuredClone(schema));
    const plain = createAjv({ strict: false, verbose: true }).compile(structuredClone(schema));
    expect(fast('x')).toBe(false);
    plain('x');
    expect(fast.errors?.map((e) => e.keyword)).toEqual(plain.errors?.map((e) => e.keyword));
    expect(fast.errors?.map((e) => e.keyword)).toContain('enum');
  });
});
