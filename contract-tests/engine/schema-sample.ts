/**
 * Builds a value that satisfies a schema from the spec (path ids, required query parameters,
 * request bodies, and the lying fixture's honest bodies). Every value is checked with the same Ajv
 * validators the responses are checked with, so a value that does not fit is reported, never sent.
 */
import { ORDER_NUMBER_PATTERN } from '../../src/ids.js';
import { isPlainObject } from '../../src/plain-object.js';
import { derefSchema, validateAgainst } from '../validation/validators.js';
import type { Random } from './random.js';

type Schema = Record<string, unknown>;

export const SAMPLE_UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
export const SAMPLE_ORDER_NUMBER = '#ABC123DEF456';

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: SAMPLE_UUID,
  'date-time': '2024-01-15T10:30:00Z',
  date: '2024-01-15',
  time: '10:30:00Z',
  email: 'buyer@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

/** Candidates tried, in order, against a `pattern` the sampler does not know. */
const PATTERN_CANDIDATES = ['ABC123DEF456', SAMPLE_ORDER_NUMBER, 'example', 'abc', 'a', '1', 'ABC', 'abc-123', 'abc_123', 'A1', '#1', '0'];

export class SampleError extends Error {
  override name = 'SampleError';
}

export interface SampleOptions {
  /** Fill optional object properties too (positive data acceptance). */
  optional?: boolean;
  /** Pick enum values, booleans and numbers at random (seeded) instead of the first valid one. */
  random?: Random;
}

/** A value valid for `schema`; throws SampleError (naming the Ajv error) when none can be built. */
export function sampleFor(schema: unknown, where = 'value', options: SampleOptions = {}): unknown {
  const value = build(schema, 0, options);
  const errors = validateAgainst(schema, value);
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new SampleError(
      `cannot build a valid ${where}: ${JSON.stringify(value)} fails ${e.instancePath || '/'} ${e.message ?? e.keyword}`,
    );
  }
  return value;
}

/** True for an `…IdOrNumber` id (`orderIdOrNumber`): its schema takes a UUID and an order number, with or without `#`. */
export const takesIdOrNumber = (schema: unknown): boolean =>
  [SAMPLE_ORDER_NUMBER.slice(1), SAMPLE_ORDER_NUMBER, SAMPLE_UUID].every((v) => validateAgainst(schema, v).length === 0);

/** sampleFor, or undefined when no valid value can be built (a SampleError); any other error still throws. */
export function sampleOrUndefined(schema: unknown, where = 'value', options: SampleOptions = {}): unknown {
  try {
    return sampleFor(schema, where, options);
  } catch (err) {
    if (err instanceof SampleError) return undefined;
    throw err;
  }
}

/** derefSchema, plus a depth cap: past 12 levels an object is built empty so recursive schemas end. */
function schemaAtDepth(schema: unknown, depth: number): Schema {
  const node = derefSchema(schema);
  if (!node) return {};
  return depth > 12 ? { ...node, properties: {}, required: [] } : node;
}

function build(raw: unknown, depth: number, o: SampleOptions): unknown {
  if (raw === true || raw === undefined) return 'sample';
  const schema = schemaAtDepth(raw, depth);
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) {
    const values = schema['enum'].filter((v) => v !== null);
    if (o.random && values.length > 0) return o.random.pick(values);
    return values[0] ?? schema['enum'][0];
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const candidate = build(mergeSiblings(schema, key, branch), depth + 1, o);
      if (validateAgainst(raw, candidate).length === 0) return candidate;
    }
  }
  if (Array.isArray(schema['allOf'])) {
    const parts = schema['allOf'].map((s) => build(s, depth + 1, o));
    if (parts.every(isPlainObject)) return Object.assign({}, ...(parts as object[]), buildTyped(schema, depth, o));
    return parts[0];
  }
  return buildTyped(schema, depth, o);
}

/** A branch with its parent's other keywords (a `type` or `properties` next to a `oneOf`). */
function mergeSiblings(schema: Schema, key: string, branch: unknown): unknown {
  const { [key]: _drop, ...siblings } = schema;
  return Object.keys(siblings).length === 0 ? branch : { allOf: [siblings, branch] };
}

function pickType(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if (isPlainObject(schema['properties'])) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

function buildTyped(schema: Schema, depth: number, o: SampleOptions): unknown {
  switch (pickType(schema)) {
    case 'string':
      return buildString(schema);
    case 'integer':
    case 'number':
      return buildNumber(schema, o.random);
    case 'boolean':
      return o.random ? o.random.next() < 0.5 : true;
    case 'null':
      return null;
    case 'array': {
      const count = Math.max(1, Number(schema['minItems'] ?? 1));
      return Array.from({ length: count }, () => build(schema['items'], depth + 1, o));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = isPlainObject(schema['properties']) ? schema['properties'] : {};
      const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
      for (const name of required) out[name] = build(properties[name] ?? schema['additionalProperties'], depth + 1, o);
      // Optional properties one level deep only: deeper ones multiply the ways a sample can fail its schema.
      if (o.optional && depth < 2) {
        for (const name of Object.keys(properties)) {
          if (name in out) continue;
          const candidate = { ...out, [name]: build(properties[name], depth + 1, o) };
          if (validateAgainst(schema, candidate).length === 0) out[name] = candidate[name];
        }
      }
      return out;
    }
    default:
      return isPlainObject(schema['properties']) || schema['required'] ? buildTyped({ ...schema, type: 'object' }, depth, o) : 'sample';
  }
}

function buildString(schema: Schema): string {
  const format = typeof schema['format'] === 'string' ? FORMAT_SAMPLES[schema['format']] : undefined;
  if (format) return format;
  const min = Number(schema['minLength'] ?? 0);
  const max = Number(schema['maxLength'] ?? Infinity);
  const fits = (s: string) => s.length >= min && s.length <= max;
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    if (pattern === ORDER_NUMBER_PATTERN) return SAMPLE_ORDER_NUMBER;
    const regex = new RegExp(pattern, 'u');
    const examples = [schema['example'], ...(Array.isArray(schema['examples']) ? schema['examples'] : []), schema['default']].filter(
      (v) => typeof v === 'string',
    );
    const found = [...examples, ...PATTERN_CANDIDATES].find((s) => regex.test(s) && fits(s));
    if (found !== undefined) return found;
  }
  const base = 'sample';
  if (base.length > max) return 'x'.repeat(Math.max(min, 1));
  return base.length >= min ? base : base.padEnd(min, 'x');
}

function buildNumber(schema: Schema, random?: Random): number {
  const integer = pickType(schema) === 'integer';
  let lo = typeof schema['minimum'] === 'number' ? schema['minimum'] : -Infinity;
  let hi = typeof schema['maximum'] === 'number' ? schema['maximum'] : Infinity;
  if (typeof schema['exclusiveMinimum'] === 'number') lo = Math.max(lo, schema['exclusiveMinimum'] + (integer ? 1 : 0.5));
  if (typeof schema['exclusiveMaximum'] === 'number') hi = Math.min(hi, schema['exclusiveMaximum'] - (integer ? 1 : 0.5));
  // 1 rather than 0: a count, a quantity or a limit of 0 is often refused by real servers.
  const value = Math.min(Math.max(1, lo), hi);
  if (random) {
    const top = Math.max(Math.min(hi, value + 50), value);
    return integer ? random.int(Math.ceil(value), Math.max(Math.ceil(value), Math.floor(top))) : value + random.next() * (top - value);
  }
  return integer ? Math.ceil(value) : value;
}
