/**
 * Tells a spec defect from a server violation: when the value the server sent is the schema's own
 * `default` (or one of its examples) and that schema rejects it, the spec contradicts itself and
 * the server cannot be blamed. The official `currency` (`type: [string, 'null']`, `default: null`,
 * an `enum` without null) is the case in point.
 */
import { nodeUtil } from '../builtins.js';

/**
 * Why `value` failing `schema` is the spec's fault, or undefined when it is not. Pass an Ajv
 * error's `parentSchema` and `data`: the error already proves the schema rejects the value, so
 * nothing is compiled or validated again here.
 */
export function specDefectReason(schema: unknown, value: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const s = schema as Record<string, unknown>;
  const own: [string, unknown][] = [];
  if ('default' in s) own.push(['default', s['default']]);
  if ('example' in s) own.push(['example', s['example']]);
  if (Array.isArray(s['examples'])) for (const ex of s['examples']) own.push(['example', ex]);
  for (const [what, ownValue] of own) {
    if (nodeUtil().isDeepStrictEqual(ownValue, value)) {
      return `the schema's own ${what} ${JSON.stringify(ownValue)} fails the schema, so the spec contradicts itself`;
    }
  }
  return undefined;
}
