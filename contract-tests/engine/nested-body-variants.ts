/**
 * Invalid bodies one level down: a field of a nested object or of an array's item broken in one
 * way, for a server that validates only the top of a body. Each variant is proved invalid by the
 * spec's validator before it is planned.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { isPlainObject } from '../../src/plain-object.js';
import { validateAgainst } from '../validation/validators.js';
import type { Random } from './random.js';
import type { PlannedRequest } from './request-builder.js';
import { sampleOrUndefined } from './schema-sample.js';
import { propertiesOf, requestBodySchema, schemaOf } from './spec-schema.js';
import { breakers, type Variant } from './variants.js';

type Json = Record<string, unknown>;

/** Nested variants planned per operation, beside the top-level ones: bodies rarely nest, so a few suffice. */
export const MAX_NESTED_NEGATIVE_PER_OPERATION = 4;

/** A valid value for `schema` with its optional fields, or undefined when none can be built. */
const sample = (schema: unknown, where: string, random: Random) => sampleOrUndefined(schema, where, { optional: true, random });

/** `object` with one field missing or broken each, named by the field's pointer below `at`. */
function brokenFields(schema: Json, object: Json, at: string): [string, Json][] {
  const out: [string, Json][] = [];
  for (const name of (Array.isArray(schema['required']) ? schema['required'] : []) as string[]) {
    const { [name]: _gone, ...rest } = object;
    out.push([`${at}/${name}: missing required`, rest]);
  }
  for (const [name, propSchema] of Object.entries(propertiesOf(schema))) {
    for (const [what, value] of breakers(schemaOf(propSchema))) out.push([`${at}/${name}: ${what}`, { ...object, [name]: value }]);
  }
  return out;
}

export function nestedBodyVariants(op: OperationMeta, valid: PlannedRequest, random: Random): Variant[] {
  const bodySchema = requestBodySchema(op);
  if (bodySchema === undefined || !isPlainObject(valid.body)) return [];
  const base = valid.body;
  const out: Variant[] = [];
  for (const [name, propSchema] of Object.entries(propertiesOf(bodySchema))) {
    const schema = schemaOf(propSchema);
    // An optional nested field is absent from the minimal body: add a valid one first, so only the break is wrong.
    const value = base[name] ?? sample(schema, `body field "${name}"`, random);
    const body = { ...base, [name]: value };
    if (value === undefined || validateAgainst(bodySchema, body).length > 0) continue;
    const variant = (what: string, nested: unknown) =>
      out.push({ name: `body /${name}${what}`, request: { ...valid, body: { ...body, [name]: nested } } });
    if (isPlainObject(value)) {
      for (const [what, broken] of brokenFields(schema, value, '')) variant(what, broken);
    } else if (Array.isArray(value)) {
      const items = schemaOf(schema['items']);
      const item = value[0] ?? sample(items, `an item of body field "${name}"`, random);
      if (isPlainObject(item)) for (const [what, broken] of brokenFields(items, item, '/0')) variant(what, [broken, ...value.slice(1)]);
      else if (item !== undefined) for (const [what, broken] of breakers(items)) variant(`/0: ${what}`, [broken, ...value.slice(1)]);
    }
  }
  const invalid = out.filter((v) => validateAgainst(bodySchema, v.request.body).length > 0);
  return random.shuffle(invalid).slice(0, MAX_NESTED_NEGATIVE_PER_OPERATION);
}
