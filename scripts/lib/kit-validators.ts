/**
 * The contract kit's precompiled validators (contract-tests/validation/validator-source.ts): every
 * schema a run of the bundled spec validates beyond the successful bodies generated/ already holds
 * (request samples, parameters, error bodies, the resource fields a read-back compares), found by
 * planning every operation under several seeds, compiled with the runtime instance's Ajv setup into one ES module keyed by the schema's
 * JSON. A schema a run meets that is not here is compiled at run time, as before.
 */

import { planChecks } from '../../contract-tests/engine/checks.js';
import { dataSchema, propertiesOf } from '../../contract-tests/engine/spec-schema.js';
import { runtimeSource, setValidatorSource } from '../../contract-tests/validation/validator-source.js';
import { compilableSchema, runtimeCompiledSchemas, validatorFor } from '../../contract-tests/validation/validators.js';
import { schemaDocument } from '../../generated/schemas.js';
import { listOperations } from '../../src/operations.js';
import { compileEnumsAsSets } from './enum-sets.js';
import { standaloneAjv, validatorModule } from './generate-validators.js';

/** Seeds planned: random picks (enum values, optional fields) may reach other schemas. */
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7];

/** The module's text; `root` is the repository root relative to where its imports are resolved. */
export function kitValidatorsModule(root: string): { code: string; count: number } {
  const previous = setValidatorSource(runtimeSource);
  try {
    const operations = listOperations();
    for (const seed of SEEDS) planChecks(operations, { seed });
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('2') || status === 'default') continue;
        for (const media of Object.values(response.content)) if (media.schema !== undefined) validatorFor(media.schema);
      }
      // A workflow's read-back checks each written value against the resource's field schema.
      for (const resource of Object.values(propertiesOf(dataSchema(op))))
        for (const field of Object.values(propertiesOf(resource))) validatorFor(field);
    }
    validatorFor({});
  } finally {
    setValidatorSource(previous);
  }
  const keys = runtimeCompiledSchemas();
  const entries = keys.map((key, i) => ({ name: `s${i}`, id: `kit/s${i}`, schema: compilableSchema(key) }));
  // Written as JavaScript next to the compiled kit: the TypeScript-only type import goes.
  // Long enums (the spec's 150 currencies, in many request bodies) as one shared Set lookup each, as
  // the client's validators have them: the same keyword and errors, 5 % less code to compile.
  const ajv = standaloneAjv(schemaDocument);
  compileEnumsAsSets(ajv);
  const module = validatorModule(ajv, entries, root)
    .split('\n')
    .filter((line) => !line.startsWith('import type '))
    .join('\n');
  const map = keys.map((key, i) => `  [${JSON.stringify(key)}, s${i}],`).join('\n');
  return { code: `${module}\nexport const schemaValidators = new Map([\n${map}\n]);\n`, count: keys.length };
}
