/**
 * Validators compiled once from the generated spec schemas. The client (path parameters, ids) and
 * the contract suite (response bodies) share this module so there is one Ajv setup, not two.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaDocument } from '../../generated/schemas.js';
import { createAjv } from './ajv.js';

let ajv: ReturnType<typeof createAjv> | undefined;
const cache = new Map<string, ValidateFunction>();

function instance(): ReturnType<typeof createAjv> {
  if (!ajv) {
    // The vendor's schemas are validated in strict mode by spec:validate; at runtime a schema
    // keyword Ajv does not know must not stop a request, so this instance is lenient.
    // verbose: errors carry the failing sub-schema and value, which the contract suite needs to
    // show the rule and to tell a spec defect (a schema rejecting its own default) from a server bug.
    ajv = createAjv({ strict: false, verbose: true });
    ajv.addKeyword('components');
    ajv.addSchema(schemaDocument);
  }
  return ajv;
}

/** A compiled validator for a schema from generated/ (usually `{ $ref: 'urn:fungies:api-docs#/…' }`). */
export function validatorFor(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = instance().compile(schema as object);
    cache.set(key, validate);
  }
  return validate;
}

/** Validates and returns Ajv's errors (an empty array when the value conforms). */
export function validateAgainst(schema: unknown, value: unknown): ErrorObject[] {
  const validate = validatorFor(schema);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

export { derefSchema, resolveSchemaRef } from './schema-ref.js';
