/** Numeric and length limits of one schema, old against new: which way each bound moved. */
import type { Json, JsonObject } from '../../../contract-tests/spec/openapi-walk.js';
import type { Emit } from './diff-keywords.js';

interface Bound {
  value: number;
  exclusive: boolean;
  /** The keyword that sets it, for the report ('minimum', 'exclusiveMinimum'…). */
  keyword: string;
}

/** Length and count limits: inclusive; a lower limit of 0 is the same as none. */
const LENGTHS = [
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
] as const;

export function compareLimits(emit: Emit, label: string, old: JsonObject, now: JsonObject): void {
  compareBound(emit, label, 'lower', numericBound(old, 'lower'), numericBound(now, 'lower'));
  compareBound(emit, label, 'upper', numericBound(old, 'upper'), numericBound(now, 'upper'));
  for (const [min, max] of LENGTHS) {
    const lower = (schema: JsonObject) => {
      const bound = plainBound(schema, min);
      return bound?.value === 0 ? undefined : bound;
    };
    compareBound(emit, label, 'lower', lower(old), lower(now));
    compareBound(emit, label, 'upper', plainBound(old, max), plainBound(now, max));
  }
  compareMultipleOf(emit, label, numberOf(old['multipleOf']), numberOf(now['multipleOf']));
}

function numberOf(value: Json | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function plainBound(schema: JsonObject, keyword: string): Bound | undefined {
  const value = numberOf(schema[keyword]);
  return value === undefined ? undefined : { value, exclusive: false, keyword };
}

/**
 * The effective bound from `minimum`/`exclusiveMinimum` (or the maximum pair). OpenAPI 3.1 makes
 * the exclusive one a number of its own; 3.0 made it a boolean flag on `minimum`. Both are read, so
 * `minimum: 0` → `exclusiveMinimum: 0` is one tightened bound rather than one removed and one added.
 */
function numericBound(schema: JsonObject, side: 'lower' | 'upper'): Bound | undefined {
  const [inclusive, exclusive] = side === 'lower' ? ['minimum', 'exclusiveMinimum'] : ['maximum', 'exclusiveMaximum'];
  const flag = schema[exclusive];
  const candidates: Bound[] = [];
  const value = numberOf(schema[inclusive]);
  if (value !== undefined)
    candidates.push({ value, exclusive: flag === true, keyword: flag === true ? `${inclusive} (exclusive)` : inclusive });
  const exclusiveValue = numberOf(flag);
  if (exclusiveValue !== undefined) candidates.push({ value: exclusiveValue, exclusive: true, keyword: exclusive });
  if (candidates.length === 0) return undefined;
  return candidates.reduce((a, b) => (tighter(side, b, a) ? b : a));
}

/** Does `a` let fewer values through than `b` on this side? */
function tighter(side: 'lower' | 'upper', a: Bound, b: Bound): boolean {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return side === 'lower' ? a.value > b.value : a.value < b.value;
}

function compareBound(emit: Emit, label: string, side: 'lower' | 'upper', old: Bound | undefined, now: Bound | undefined): void {
  const show = (b: Bound) => `${b.keyword} ${b.value}`;
  if (!old && !now) return;
  if (!old) return emit('limit-tightened', `${label}: ${show(now!)} added (tightened)`);
  if (!now) return emit('limit-loosened', `${label}: ${show(old)} removed (loosened)`);
  // 'minimum 1 → 5', or 'minimum 0 → exclusiveMinimum 0' when the keyword changes.
  const detail = `${label}: ${show(old)} → ${old.keyword === now.keyword ? now.value : show(now)}`;
  if (tighter(side, now, old)) emit('limit-tightened', `${detail} (tightened)`);
  else if (tighter(side, old, now)) emit('limit-loosened', `${detail} (loosened)`);
}

/** Every multiple of 6 is a multiple of 3: 3 → 6 admits fewer values, 6 → 3 more, 2 → 3 neither. */
function compareMultipleOf(emit: Emit, label: string, old: number | undefined, now: number | undefined): void {
  if (old === now) return;
  if (old === undefined) return emit('limit-tightened', `${label}: multipleOf ${now} added (tightened)`);
  if (now === undefined) return emit('limit-loosened', `${label}: multipleOf ${old} removed (loosened)`);
  const detail = `${label}: multipleOf ${old} → ${now}`;
  if (isMultiple(now, old)) emit('limit-tightened', `${detail} (tightened)`);
  else if (isMultiple(old, now)) emit('limit-loosened', `${detail} (loosened)`);
  else emit('limit-changed', detail);
}

/** Within floating-point noise: 0.05 / 0.01 is 5.000000000000001. */
function isMultiple(value: number, of: number): boolean {
  if (of === 0) return false;
  const quotient = value / of;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}
