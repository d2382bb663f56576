/**
 * Ajv compiles an `enum` to a chain of `===`: over the spec's 150 currencies a body's USD is found
 * after 135 comparisons, a quarter of an order's validation. A long enum of strings becomes one
 * `Set` lookup instead: for strings, `Set.has` and `===` agree on every value (they differ only on
 * NaN, which no string enum holds), and the keyword, its place among the others and its error are
 * Ajv's own.
 */

import type { KeywordCxt } from 'ajv';
import { _, stringify } from 'ajv';
import type { createAjv } from '../../contract-tests/validation/ajv.js';

/** Below this, a chain of `===` is as fast as hashing the value (measured: 8 values, 7.6 ns against 8.5 ns). */
export const MIN_SET_ENUM = 16;

type Code = (cxt: KeywordCxt) => void;

/** Makes `ajv`'s enum keyword compile long string enums to a Set lookup (this instance only). */
export function compileEnumsAsSets(ajv: ReturnType<typeof createAjv>): void {
  // The rule is changed in place, not removed and added again: a keyword added anew is evaluated
  // after the others, which would reorder the errors a value collects.
  const rule = ajv.RULES.all['enum'];
  const definition = typeof rule === 'object' ? (rule.definition as { code?: Code }) : undefined;
  const chain = definition?.code;
  if (!definition || !chain) throw new Error("Ajv's enum keyword has no code to replace: is this the pinned Ajv 8?");
  definition.code = (cxt) => {
    const { schema, $data, gen, data } = cxt;
    const values: unknown = schema;
    if ($data || !Array.isArray(values) || values.length < MIN_SET_ENUM || !values.every((v) => typeof v === 'string')) {
      chain(cxt);
      return;
    }
    // 'obj': a prefix Ajv's scope allows for such values. stringify is Ajv's JSON literal (with U+2028/U+2029 escaped): a spec string stays a string.
    const set = gen.scopeValue('obj', { key: JSON.stringify(values), ref: new Set(values), code: _`new Set(${stringify(values)})` });
    cxt.pass(_`${set}.has(${data})`);
  };
}
