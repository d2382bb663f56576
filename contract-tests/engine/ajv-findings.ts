/** Turns Ajv's errors for one body into findings: pointer, rule, expected, actual; spec defects told apart. */
import type { ErrorObject } from 'ajv';
import { redactExcerpt } from '../../src/redact.js';
import { specDefectReason } from '../../src/validation/spec-defects.js';
import { derefSchema } from '../validation/validators.js';
import { dedupeErrors, errorPointer } from './dedupe.js';
import { type FindingContext, finding } from './finding.js';
import type { Finding } from './types.js';

const MAX_ACTUAL = 80;
const MAX_ENUM_SHOWN = 8;

/** A value as shown in a report: JSON, shortened, anything shaped like a key redacted. */
export function showValue(value: unknown, max = MAX_ACTUAL): string {
  if (value === undefined) return 'undefined';
  return redactExcerpt(JSON.stringify(value) ?? String(value), [], max);
}

/** `rawNumbers`: numbers as they were on the wire (strict-json), shown instead of their rounded doubles. */
export function ajvFindings(
  errors: readonly ErrorObject[],
  ctx: FindingContext,
  rawNumbers: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  return dedupeErrors(errors).map((e) => {
    const defect = specDefectReason(e.parentSchema, e.data);
    const missing = e.keyword === 'required';
    return finding(ctx, {
      kind: defect ? 'spec-defect' : 'response',
      pointer: errorPointer(e),
      rule: e.keyword,
      expected: expected(e),
      actual: missing
        ? 'missing'
        : e.keyword === 'additionalProperties'
          ? `${showValue(additional(e))} (not declared)`
          : rawNumbers.has(e.instancePath)
            ? `${rawNumbers.get(e.instancePath)} (number)`
            : describeActual(e.data),
      note: defect,
    });
  });
}

function additional(e: ErrorObject): unknown {
  const name = (e.params as { additionalProperty: string }).additionalProperty;
  return (e.data as Record<string, unknown> | undefined)?.[name];
}

function describeActual(value: unknown): string {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `${showValue(value)} (${type})`;
}

function expected(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'pattern':
      return `a string matching ${String(p['pattern'])}`;
    case 'format':
      return p['format'] === 'int64'
        ? 'int64: a whole number within ±9007199254740991 (the safe-integer range)'
        : `format ${String(p['format'])}`;
    case 'const':
      return JSON.stringify(p['allowedValue']);
    case 'enum': {
      const values = (p['allowedValues'] as unknown[]) ?? [];
      const shown = values
        .slice(0, MAX_ENUM_SHOWN)
        .map((v) => JSON.stringify(v))
        .join(', ');
      return `one of ${shown}${values.length > MAX_ENUM_SHOWN ? `, … (${values.length} values)` : ''}`;
    }
    case 'required':
      return `required property "${String(p['missingProperty'])}"`;
    case 'type':
      return `type ${Array.isArray(p['type']) ? p['type'].join(' or ') : String(p['type'])}`;
    case 'additionalProperties':
      return 'no properties beyond those declared (additionalProperties: false)';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${String(p['comparison'])} ${String(p['limit'])}`;
    case 'oneOf':
    case 'anyOf': {
      const branches = Array.isArray(e.schema) ? e.schema.map(describeSchema).join(' | ') : '';
      return `${e.keyword === 'oneOf' ? 'exactly one' : 'at least one'} of: ${branches}`;
    }
    default:
      return e.message ?? e.keyword;
  }
}

/** A one-line summary of a (sub-)schema: `string, format uuid`, `string, pattern ^…$`. */
export function describeSchema(schema: unknown): string {
  let s = schema as Record<string, unknown>;
  if (typeof s?.['$ref'] === 'string') s = derefSchema(s) ?? s;
  if (typeof s !== 'object' || s === null) return JSON.stringify(schema);
  const parts: string[] = [];
  if (s['type'] !== undefined) parts.push(Array.isArray(s['type']) ? s['type'].join('|') : String(s['type']));
  if (s['format']) parts.push(`format ${String(s['format'])}`);
  if (s['pattern']) parts.push(`pattern ${String(s['pattern'])}`);
  if ('const' in s) parts.push(`const ${JSON.stringify(s['const'])}`);
  if (Array.isArray(s['enum'])) parts.push(`enum (${s['enum'].length} values)`);
  return parts.join(', ') || redactExcerpt(JSON.stringify(s), [], 60);
}
