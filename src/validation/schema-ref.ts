/** Follows `$ref`s into the generated spec document without Ajv, so callers on the request path load none. */
import { schemaDocument } from '../../generated/schemas.js';
import { valueAt } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';

/**
 * The schema behind a chain of `$ref`s into the spec document, or undefined when one dangles.
 * Keywords written beside a `$ref` stay on top of what it names (JSON Schema 2020-12 allows them).
 */
export function derefSchema(schema: unknown): Record<string, unknown> | undefined {
  let node = schema;
  for (let i = 0; i < 20 && isPlainObject(node) && typeof node['$ref'] === 'string'; i++) {
    const { $ref, ...rest } = node;
    const target = resolveSchemaRef($ref as string);
    node = Object.keys(rest).length > 0 && isPlainObject(target) ? { ...target, ...rest } : target;
  }
  return isPlainObject(node) ? node : undefined;
}

/** The schema a `$ref` into the registered spec document names (`urn:fungies:api-docs#/…`, or `#/…` from inside it), or undefined. */
export function resolveSchemaRef(ref: string): unknown {
  const [base, pointer = ''] = ref.split('#');
  // A local ref ('#/components/…') sits inside a registered schema, so it is relative to the same document.
  return base === schemaDocument.$id || base === '' ? valueAt(schemaDocument, `#${pointer}`) : undefined;
}
