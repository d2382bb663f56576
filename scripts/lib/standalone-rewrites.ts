/**
 * Rewrites of Ajv's standalone code that keep every verdict and every error as Ajv makes them, for
 * the validators the client and the kit run on whole response bodies (a page of a thousand orders).
 */

/**
 * With inlineRefs false every shared component is a function of its own, and Ajv's standalone code
 * merges a call's errors with `vErrors.concat(…)`: a new array per call, quadratic over a list whose
 * every item fails (25 000 broken orders took minutes). Appending in place keeps the same errors in
 * the same order.
 */
export function appendErrorsInPlace(code: string): string {
  return code.replace(
    /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    (_m, fn: string) => `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`,
  );
}

/**
 * Ajv tests `type: integer` as `!(x % 1) && !isNaN(x)`, always after `typeof x == "number"`. On a
 * number beyond the small-integer range (a millisecond timestamp), `%` is a call into C: 10 ns per
 * `createdAt`. For every number `Math.trunc(x) === x` gives the same answer: true for whole numbers
 * (-0 included) and for ±Infinity (whose `% 1` is NaN, so Ajv's test passes them too), false for
 * NaN and fractions.
 */
export function integerChecksByTrunc(code: string): string {
  return code.replace(/!\((data\d*) % 1\) && !isNaN\(\1\)/g, (_m, data: string) => `Math.trunc(${data}) === ${data}`);
}
