/** Keyword-level comparisons of one schema pair, old against new: type, format, pattern, enum, closed objects. */
import type { Json, JsonObject } from '../../../contract-tests/spec/openapi-walk.js';
import type { ChangeKind } from './changes.js';

export type Emit = (kind: ChangeKind, detail: string) => void;

/** undefined = any type. */
export function typesOf(schema: JsonObject): string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.map(String);
  return undefined;
}

export function showTypes(types: string[] | undefined): string {
  return types ? types.join(' | ') : 'any';
}

/** Does a value of every type in `inner` also fit `outer`? (integer fits number.) */
function covers(outer: string[] | undefined, inner: string[] | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  return inner.every((t) => outer.includes(t) || (t === 'integer' && outer.includes('number')));
}

export function compareTypes(old: string[] | undefined, now: string[] | undefined): ChangeKind | undefined {
  if (covers(old, now) && covers(now, old)) return undefined;
  if (covers(now, old)) return 'type-widened';
  if (covers(old, now)) return 'type-narrowed';
  return 'type-changed';
}

export function compareKeyword(
  change: Emit,
  label: string,
  keyword: 'format' | 'pattern',
  old: Json | undefined,
  now: Json | undefined,
): void {
  if (old === now) return;
  const show = (v: Json | undefined) => (keyword === 'pattern' ? `/${String(v)}/` : String(v));
  if (old === undefined) change(`${keyword}-added`, `${label}: ${keyword} ${show(now)} added`);
  else if (now === undefined) change(`${keyword}-removed`, `${label}: ${keyword} ${show(old)} removed`);
  else change(`${keyword}-changed`, `${label}: ${keyword} ${show(old)} → ${show(now)}`);
}

/** `enum`, or `const` as a one-value enum; undefined when any value is allowed. */
export function valuesOf(schema: JsonObject): string[] | undefined {
  if (Array.isArray(schema['enum'])) return schema['enum'].map((v) => JSON.stringify(v));
  if ('const' in schema) return [JSON.stringify(schema['const'])];
  return undefined;
}

export function compareEnums(change: Emit, label: string, old: string[] | undefined, now: string[] | undefined): void {
  const list = (values: string[]) => (values.length > 8 ? `${values.slice(0, 8).join(', ')}, … (${values.length})` : values.join(', '));
  if (!old && !now) return;
  if (!old && now) return change('enum-added', `${label}: now restricted to ${list(now)}`);
  if (old && !now) return change('enum-removed', `${label}: no longer restricted to ${list(old)}`);
  const added = now!.filter((v) => !old!.includes(v));
  const removed = old!.filter((v) => !now!.includes(v));
  if (added.length > 0) change('enum-value-added', `${label}: value${added.length > 1 ? 's' : ''} ${list(added)} added`);
  if (removed.length > 0) change('enum-value-removed', `${label}: value${removed.length > 1 ? 's' : ''} ${list(removed)} removed`);
}

/** `additionalProperties: false` set or dropped; a schema or `true` in its place both leave the object open. */
export function compareClosed(change: Emit, label: string, old: JsonObject, now: JsonObject): void {
  const [was, is] = [old['additionalProperties'] === false, now['additionalProperties'] === false];
  if (!was && is) change('additional-properties-forbidden', `${label}: additionalProperties false added (only the listed fields)`);
  if (was && !is) change('additional-properties-allowed', `${label}: additionalProperties false removed (unlisted fields allowed)`);
}
