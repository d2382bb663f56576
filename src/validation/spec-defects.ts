/**
 * Tells a spec defect from a server violation: when the value the server sent is the schema's own
 * `default` (or one of its examples) and that schema rejects it, the spec contradicts itself and
 * the server cannot be blamed. The official `currency` (`type: [string, 'null']`, `default: null`,
 * an `enum` without null) is the case in point.
 */
import { isDeepStrictEqual } from 'node:util';
import { validateAgainst } from './validators.js';

/** Why `value` failing `schema` is the spec's fault, or undefined when it is not. */
export function specDefectReason(schema: unknown, value: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const s = schema as Record<string, unknown>;
  const own: [string, unknown][] = [];
  if ('default' in s) own.push(['default', s['default']]);
  if ('example' in s) own.push(['example', s['example']]);
  if (Array.isArray(s['examples'])) for (const ex of s['examples']) own.push(['example', ex]);
  for (const [what, ownValue] of own) {
    if (!isDeepStrictEqual(ownValue, value)) continue;
    if (validateAgainst(schema, ownValue).length > 0) {
      return `the schema's own ${what} ${JSON.stringify(ownValue)} fails the schema, so the spec contradicts itself`;
    }
  }
  return undefined;
}
