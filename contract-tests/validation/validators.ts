/**
 * Validators compiled at run time, once per spec, from the schemas of the spec the command checks
 * against (contract-tests/spec/model.ts: the bundled one, or --spec). The client runs the same Ajv
 * setup precompiled into generated/ and never loads this module.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { followRefs, valueAt } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';
import { activeSpec, type SpecModel } from '../spec/model.js';
import { createAjv } from './ajv.js';
import { addSpecDocument, SPEC_DOCUMENT_ID } from './spec-document.js';

let ajv: ReturnType<typeof createAjv> | undefined;
/** The spec `ajv` and `cache` were built from: another active spec starts both afresh. */
let builtFor: SpecModel | undefined;
const cache = new Map<string, ValidateFunction>();

function instance(): ReturnType<typeof createAjv> {
  const spec = activeSpec();
  if (!ajv || builtFor !== spec) {
    builtFor = spec;
    cache.clear();
    // The vendor's schemas are validated in strict mode by spec:validate; at runtime a schema
    // keyword Ajv does not know must not stop a request, so this instance is lenient.
    // verbose: errors carry the failing sub-schema and value, which the contract suite needs to
    // show the rule and to tell a spec defect (a schema rejecting its own default) from a server bug.
    ajv = createAjv({ strict: false, verbose: true });
    addSpecDocument(ajv, spec.schemaDocument as unknown as Record<string, unknown>);
  }
  return ajv;
}

/** A compiled validator for a schema from generated/ (usually `{ $ref: SPEC_DOCUMENT_ID + '#/…' }`). */
export function validatorFor(schema: unknown): ValidateFunction {
  const compiler = instance();
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    // A schema taken out of the document (a response's `data`) may still hold local refs ('#/components/…'):
    // compiled on its own, they are relative to the spec document they came from.
    const local = key.includes('"$ref":"#/') ? JSON.parse(key.replaceAll('"$ref":"#/', `"$ref":"${SPEC_DOCUMENT_ID}#/`)) : schema;
    validate = compiler.compile(local as object);
    cache.set(key, validate);
  }
  return validate;
}

/** Validates and returns Ajv's errors (an empty array when the value conforms). */
export function validateAgainst(schema: unknown, value: unknown): ErrorObject[] {
  const validate = validatorFor(schema);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/**
 * The schema behind a chain of `$ref`s into the spec document, or undefined when one dangles.
 * Keywords written beside a `$ref` stay on top of what it names (JSON Schema 2020-12 allows them).
 */
export function derefSchema(schema: unknown): Record<string, unknown> | undefined {
  const node = followRefs(schema, resolveSchemaRef);
  return isPlainObject(node) ? node : undefined;
}

/** The schema a `$ref` into the registered spec document names (`SPEC_DOCUMENT_ID#/…`, or `#/…` from inside it), or undefined. */
export function resolveSchemaRef(ref: string): unknown {
  const [base, pointer = ''] = ref.split('#');
  // A local ref ('#/components/…') sits inside a registered schema, so it is relative to the same document.
  return base === SPEC_DOCUMENT_ID || base === '' ? valueAt(activeSpec().schemaDocument, `#${pointer}`) : undefined;
}
