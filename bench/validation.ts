/** Response validation next to JSON.parse of the same 718-byte body: precompiled, and the contract suite's runtime Ajv. */

import { validateAgainst } from '../contract-tests/validation/validators.js';
import { operations } from '../generated/operations.js';
import { responseValidatorLoaders } from '../generated/response-validators.js';
import { cancelOrderBody } from './server.js';
import { type Spread, spread, timeSync } from './stats.js';

export interface ValidationResult {
  /** Nanoseconds per call. */
  parseNs: Spread;
  precompiledNs: Spread;
  runtimeAjvNs: Spread;
  /** Validation cost divided by JSON.parse cost, per round: below 1 means cheaper than parsing. */
  precompiledPerParse: Spread;
  runtimeAjvPerParse: Spread;
}

export async function measureValidation(rounds: number, calls: number): Promise<ValidationResult> {
  const text = cancelOrderBody();
  const body = JSON.parse(text) as unknown;
  const schema = operations.PatchV0OrdersOrderIdOrNumberCancel.responses['200'].content['application/json'].schema;
  const { validators } = await responseValidatorLoaders['PatchV0OrdersOrderIdOrNumberCancel']!();
  const validate = validators['200']!['application/json']!;
  if (!validate(body) || validateAgainst(schema, body).length > 0) throw new Error('the bench body does not conform to the spec');
  const kinds = {
    parse: () => JSON.parse(text),
    precompiled: () => validate(body),
    runtime: () => validateAgainst(schema, body),
  };
  const out = { parse: [] as number[], precompiled: [] as number[], runtime: [] as number[] };
  for (const fn of Object.values(kinds)) timeSync(calls, fn);
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(kinds)) out[name as keyof typeof out].push(timeSync(calls, fn) * 1e6);
  }
  return {
    parseNs: spread(out.parse),
    precompiledNs: spread(out.precompiled),
    runtimeAjvNs: spread(out.runtime),
    precompiledPerParse: spread(out.precompiled.map((v, i) => v / out.parse[i]!)),
    runtimeAjvPerParse: spread(out.runtime.map((v, i) => v / out.parse[i]!)),
  };
}
