/**
 * One root cause, one error: collapses Ajv's cascades (every branch of a failed `oneOf`, a `type`
 * error repeated by `enum` or `format` on the same value) before they become findings.
 */
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from '../../src/json-pointer.js';

/** The keyword kept when several fail on the same value: the most basic mismatch explains the rest. */
const PRIORITY = [
  'type',
  'const',
  'enum',
  'oneOf',
  'anyOf',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
];

const isUnder = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/** The pointer an error is about: `required` and `additionalProperties` name a property of the object. */
export function errorPointer(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  const prop = e.keyword === 'required' ? p.missingProperty : e.keyword === 'additionalProperties' ? p.additionalProperty : undefined;
  return prop === undefined ? e.instancePath : `${e.instancePath}/${escapePointerToken(prop)}`;
}

export function dedupeErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return keepOnePerValue(collapseAlternatives(errors));
}

/**
 * Ajv reports a failed `oneOf`/`anyOf` after the errors of each of its branches. A branch whose
 * type (or a `const` on one of its properties, the way the spec tells variants apart) does not
 * match is not what the server meant; if exactly one branch is left, its errors are the finding.
 * Otherwise the `oneOf` itself is.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    // The branch errors are the ones right before, about this value or inside it.
    let start = out.length;
    while (start > 0 && isUnder(out[start - 1]!.instancePath, e.instancePath)) start--;
    const branchErrors = out.splice(start);
    if ((e.params as { passingSchemas?: unknown }).passingSchemas) {
      // oneOf matched more than one branch: the branches themselves raised nothing.
      for (const b of branchErrors) out.push(b);
      out.push(e);
      continue;
    }
    const branches = new Map<string, ErrorObject[]>();
    for (const b of branchErrors) {
      const m = b.schemaPath.startsWith(`${e.schemaPath}/`) ? /^\d+/.exec(b.schemaPath.slice(e.schemaPath.length + 1)) : null;
      const key = m?.[0] ?? '?';
      branches.set(key, [...(branches.get(key) ?? []), b]);
    }
    const plausible = [...branches.values()].filter(
      (errs) =>
        !errs.some(
          (b) =>
            (b.keyword === 'type' && b.instancePath === e.instancePath) ||
            ((b.keyword === 'const' || b.keyword === 'enum') && isDirectChild(b.instancePath, e.instancePath)),
        ),
    );
    // A loop, not a spread: a branch over thousands of items must not overflow the stack.
    if (plausible.length === 1 && branches.size > 1) for (const b of collapseAlternatives(plausible[0]!)) out.push(b);
    else out.push(e);
  }
  return out;
}

function isDirectChild(path: string, parent: string): boolean {
  return path.startsWith(`${parent}/`) && !path.slice(parent.length + 1).includes('/');
}

function keepOnePerValue(errors: readonly ErrorObject[]): ErrorObject[] {
  const best = new Map<string, ErrorObject>();
  const rank = (k: string) => (PRIORITY.includes(k) ? PRIORITY.indexOf(k) : PRIORITY.length);
  for (const e of errors) {
    const key = errorPointer(e);
    const current = best.get(key);
    if (!current || rank(e.keyword) < rank(current.keyword)) best.set(key, e);
  }
  return [...best.values()];
}
