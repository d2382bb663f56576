/**
 * Validators for the contract suite, by schema, for the spec the command checks against
 * (contract-tests/spec/model.ts: the bundled one, or --spec). For the bundled spec, the validator
 * source's precompiled one when it has it (the installed kit ships them, built by
 * scripts/build-kit.ts); else compiled at run time, once per spec. The client never loads this module.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { followRefs, valueAt } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';
import { activeSpec, type SpecModel } from '../spec/model.js';
import { createAjv } from './ajv.js';
import { addSpecDocument, SPEC_DOCUMENT_ID } from './spec-document.js';
import { validatorSource } from './validator-source.js';

let ajv: ReturnType<typeof createAjv> | undefined;
/** The spec `ajv` and the caches were built from: another active spec starts them afresh. */
let builtFor: SpecModel | undefined;
const cache = new Map<string, ValidateFunction>();
/** The same validators by schema object: planning asks again and again for the same schemas, and their JSON is the costly part. */
let bySchema = new WeakMap<object, ValidateFunction>();
/** The keys of the schemas compiled at run time, in order: what the kit build precompiles. */
const compiledAtRunTime: string[] = [];

/** Empties the caches when the active spec is not the one they were built from. */
function forActiveSpec(): SpecModel {
  const spec = activeSpec();
  if (builtFor !== spec) {
    builtFor = spec;
    ajv = undefined;
    cache.clear();
    bySchema = new WeakMap();
  }
  return spec;
}

/** The run-time compiler of the active spec, created on the first schema without a precompiled validator. */
function compiler(spec: SpecModel): ReturnType<typeof createAjv> {
  if (!ajv) {
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
  const spec = forActiveSpec();
  const byObject = typeof schema === 'object' && schema !== null;
  if (byObject) {
    const known = bySchema.get(schema);
    if (known) return known;
  }
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    const precompiled = validatorSource().schemaValidator(key);
    if (precompiled) validate = precompiled as ValidateFunction;
    else {
      // A schema taken out of the document (a response's `data`) may still hold local refs ('#/components/…'):
      // compiled on its own, they are relative to the spec document they came from.
      const local = key.includes('"$ref":"#/') ? JSON.parse(key.replaceAll('"$ref":"#/', `"$ref":"${SPEC_DOCUMENT_ID}#/`)) : schema;
      validate = compiler(spec).compile(local as object);
      compiledAtRunTime.push(key);
    }
    cache.set(key, validate);
  }
  if (byObject) bySchema.set(schema, validate);
  return validate;
}

/** Every schema compiled at run time so far, as its cache key (JSON), in order. */
export const runtimeCompiledSchemas = (): readonly string[] => compiledAtRunTime;

/** The schema a cache key stands for, as compiled: local refs made absolute to the spec document. */
export const compilableSchema = (key: string): object =>
  JSON.parse(key.includes('"$ref":"#/') ? key.replaceAll('"$ref":"#/', `"$ref":"${SPEC_DOCUMENT_ID}#/`) : key) as object;

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
