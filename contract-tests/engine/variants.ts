/**
 * The generated requests of a run, from the spec and a seed: invalid ones that an honest server
 * must reject (negative data) and valid ones it must accept (positive data). Every variant is
 * checked with the spec's own validators before it is planned, so an "invalid" body really is
 * invalid and a "valid" one really is valid.
 */
import type { OperationMeta, ParameterMeta } from '../../src/operation-meta.js';
import { validateAgainst } from '../validation/validators.js';
import type { Random } from './random.js';
import type { PlannedRequest } from './request-builder.js';
import { SAMPLE_UUID, sampleOrUndefined, takesIdOrNumber } from './schema-sample.js';
import { propertiesOf, requestBodySchema, schemaOf } from './spec-schema.js';

type Schema = Record<string, unknown>;

export interface Variant {
  /** What was changed, for the check's name: `body /email: wrong type`, `query take: above maximum`. */
  name: string;
  request: PlannedRequest;
}

/** Negative variants planned per operation: enough to catch a server that validates nothing, few enough to stay fast. */
export const MAX_NEGATIVE_PER_OPERATION = 6;

const types = (s: Schema): unknown[] => (Array.isArray(s['type']) ? s['type'] : [s['type']]);
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER;

/** Values that break `schema` in one way each, named for the report. */
export function breakers(schema: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  const t = types(schema);
  if (t.includes('string')) out.push(['wrong type', 12345]);
  else if (t.includes('integer') || t.includes('number')) out.push(['wrong type', 'not-a-number']);
  else if (t.includes('boolean')) out.push(['wrong type', 'yes']);
  else if (t.includes('array')) out.push(['wrong type', 'not-an-array']);
  else if (t.includes('object')) out.push(['wrong type', 'not-an-object']);
  if (Array.isArray(schema['enum'])) out.push(['outside the enum', 'NOT_IN_ENUM_VALUE']);
  if (typeof schema['pattern'] === 'string') out.push(['breaks the pattern', ' !? ']);
  if (typeof schema['format'] === 'string' && ['uuid', 'email', 'date-time', 'uri'].includes(schema['format']))
    out.push([`not a ${schema['format']}`, 'not a valid value']);
  if (finite(schema['minimum'])) out.push(['below minimum', schema['minimum'] - 1]);
  if (finite(schema['exclusiveMinimum'])) out.push(['below minimum', schema['exclusiveMinimum']]);
  if (finite(schema['maximum'])) out.push(['above maximum', schema['maximum'] + 1]);
  if (finite(schema['exclusiveMaximum'])) out.push(['above maximum', schema['exclusiveMaximum']]);
  if (finite(schema['minLength']) && schema['minLength'] > 0) out.push(['too short', '']);
  if (finite(schema['maxLength']) && schema['maxLength'] < 10_000) out.push(['too long', 'x'.repeat(schema['maxLength'] + 1)]);
  return out;
}

/** A query value as a server reads it: text parsed to the schema's number or boolean. */
export function coerceQuery(schema: unknown, values: readonly string[]): unknown {
  const s = schemaOf(schema);
  const t = types(s);
  if (t.includes('array')) return values.map((v) => coerceQuery(s['items'], [v]));
  const v = values[values.length - 1]!;
  if ((t.includes('integer') || t.includes('number')) && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (t.includes('boolean') && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

const onWire = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));

export function negativeVariants(op: OperationMeta, valid: PlannedRequest, random: Random): Variant[] {
  const out: Variant[] = [];
  const bodySchema = requestBodySchema(op);
  const body = schemaOf(bodySchema);
  if (bodySchema !== undefined && valid.body !== null && typeof valid.body === 'object' && !Array.isArray(valid.body)) {
    const base = valid.body as Record<string, unknown>;
    const properties = propertiesOf(body);
    for (const name of (Array.isArray(body['required']) ? body['required'] : []) as string[]) {
      const { [name]: _gone, ...rest } = base;
      out.push({ name: `body /${name}: missing required`, request: { ...valid, body: rest } });
    }
    for (const [name, propSchema] of Object.entries(properties)) {
      for (const [what, value] of breakers(schemaOf(propSchema)))
        out.push({ name: `body /${name}: ${what}`, request: { ...valid, body: { ...base, [name]: value } } });
    }
    out.push({ name: 'body: not an object', request: { ...valid, body: ['not', 'an', 'object'] } });
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    for (const [what, value] of breakers(schemaOf(p.schema))) {
      if (typeof value === 'object') continue;
      out.push({ name: `query ${p.name}: ${what}`, request: { ...valid, query: { ...valid.query, [p.name]: value } } });
    }
  }
  const invalid = out.filter((v) => breaksSpec(op, v.request, bodySchema));
  return random.shuffle(invalid).slice(0, MAX_NEGATIVE_PER_OPERATION);
}

/** True when the variant's body or one of its query values fails the spec (so rejecting it is right). */
function breaksSpec(op: OperationMeta, request: PlannedRequest, bodySchema: unknown): boolean {
  if (bodySchema !== undefined && request.body !== undefined && validateAgainst(bodySchema, request.body).length > 0) return true;
  return op.parameters.some(
    (p) =>
      p.in === 'query' &&
      request.query[p.name] !== undefined &&
      validateAgainst(p.schema, coerceQuery(p.schema, onWire(request.query[p.name]))).length > 0,
  );
}

/** Path parameters that take both a UUID and an order number (`orderIdOrNumber`, `subscriptionIdOrNumber`). */
const idOrNumberParams = (op: OperationMeta): ParameterMeta[] => op.parameters.filter((p) => p.in === 'path' && takesIdOrNumber(p.schema));

/** A value for an optional query parameter, or undefined when none can be built (an opaque cursor). */
function optionalValue(p: ParameterMeta, random: Random): unknown {
  if (p.name === 'cursor') return undefined;
  return sampleOrUndefined(p.schema, `query parameter "${p.name}"`, { random, optional: true });
}

/** A bound of a numeric schema a value may sit on, or undefined. */
function bound(schema: Schema, side: 'min' | 'max'): number | undefined {
  const integer = types(schema).includes('integer');
  const step = integer ? 1 : 0.5;
  if (side === 'min')
    return finite(schema['minimum'])
      ? schema['minimum']
      : finite(schema['exclusiveMinimum'])
        ? schema['exclusiveMinimum'] + step
        : undefined;
  return finite(schema['maximum']) ? schema['maximum'] : finite(schema['exclusiveMaximum']) ? schema['exclusiveMaximum'] - step : undefined;
}

export function positiveVariants(op: OperationMeta, valid: PlannedRequest, random: Random): Variant[] {
  const out: Variant[] = [];
  const bodySchema = requestBodySchema(op);
  const query: Record<string, unknown> = { ...valid.query };
  for (const p of op.parameters.filter((x) => x.in === 'query' && !x.required)) {
    const value = optionalValue(p, random);
    if (value !== undefined) query[p.name] = value;
  }
  const full = bodySchema === undefined ? undefined : sampleOrUndefined(bodySchema, 'request body', { optional: true, random });
  const body = full ?? valid.body;
  out.push({ name: 'optional fields and parameters', request: { ...valid, query, body } });
  for (const p of idOrNumberParams(op)) {
    out.push({ name: `${p.name} as a UUID`, request: { ...valid, path: { ...valid.path, [p.name]: SAMPLE_UUID } } });
    out.push({
      name: `${p.name} as an order number with #`,
      request: { ...valid, path: { ...valid.path, [p.name]: `#${random.alnum(12).toUpperCase()}` } },
    });
    out.push({
      name: `${p.name} as an order number without #`,
      request: { ...valid, path: { ...valid.path, [p.name]: random.alnum(12).toUpperCase() } },
    });
  }
  for (const side of ['min', 'max'] as const) {
    const bounded: Record<string, unknown> = {};
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const b = bound(schemaOf(p.schema), side);
      if (b !== undefined && validateAgainst(p.schema, coerceQuery(p.schema, [String(b)])).length === 0) bounded[p.name] = b;
    }
    if (Object.keys(bounded).length > 0)
      out.push({
        name: `query at its ${side === 'min' ? 'lower' : 'upper'} bounds`,
        request: { ...valid, query: { ...valid.query, ...bounded } },
      });
    if (bodySchema !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const atBounds: Record<string, unknown> = { ...(body as Record<string, unknown>) };
      let changed = false;
      for (const [name, propSchema] of Object.entries(propertiesOf(bodySchema))) {
        const b = bound(schemaOf(propSchema), side);
        if (b === undefined || validateAgainst(bodySchema, { ...atBounds, [name]: b }).length > 0) continue;
        atBounds[name] = b;
        changed = true;
      }
      if (changed) out.push({ name: `body at its ${side === 'min' ? 'lower' : 'upper'} bounds`, request: { ...valid, body: atBounds } });
    }
  }
  return out.filter(
    (v) =>
      !breaksSpec(op, v.request, bodySchema) &&
      op.parameters.every((p) => p.in !== 'path' || validateAgainst(p.schema, v.request.path[p.name]).length === 0),
  );
}
