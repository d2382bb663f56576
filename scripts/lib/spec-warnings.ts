/**
 * Warnings that do not make the spec unusable: every `default`, `example` or `examples` value
 * that fails the very schema it sits in (the official `currency: default: null` with an enum
 * without null is one). The contract suite reports such values, when a server sends them, as spec
 * defects rather than server violations.
 */

import { specOperations } from '../../contract-tests/spec/openapi-walk.js';
import { problemLines, type SpecFile, type SpecProblem } from '../../contract-tests/spec/spec-file.js';
import { schemaPointers } from '../../contract-tests/spec/spec-rules.js';
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { addSpecDocument, SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';
import { segmentsToPointer, valueAt } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';

/** Keywords whose values are schemas, or maps/arrays of schemas. */
const SUBSCHEMA = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Pointers of a schema and of every schema nested in it. */
function nestedSchemas(schema: unknown, pointer: string, out: string[] = []): string[] {
  if (!isPlainObject(schema)) return out;
  out.push(pointer);
  for (const k of SUBSCHEMA) if (isPlainObject(schema[k])) nestedSchemas(schema[k], `${pointer}/${k}`, out);
  for (const k of SUBSCHEMA_LISTS) {
    const list = schema[k];
    if (Array.isArray(list)) for (const [i, s] of list.entries()) nestedSchemas(s, `${pointer}/${k}/${i}`, out);
  }
  for (const k of SUBSCHEMA_MAPS) {
    const map = schema[k];
    if (isPlainObject(map))
      for (const [name, s] of Object.entries(map)) nestedSchemas(s, `${pointer}/${k}${segmentsToPointer([name])}`, out);
  }
  return out;
}

/** (value pointer, value, schema pointer) for every default/example in schemas and media types. */
function* ownValues(
  doc: Record<string, unknown>,
): Generator<{ valuePointer: string; what: string; value: unknown; schemaPointer: string }> {
  for (const top of schemaPointers(doc)) {
    for (const pointer of nestedSchemas(valueAt(doc, top), top)) {
      const schema = valueAt(doc, pointer) as Record<string, unknown>;
      if ('default' in schema)
        yield { valuePointer: `${pointer}/default`, what: 'default', value: schema['default'], schemaPointer: pointer };
      if ('example' in schema)
        yield { valuePointer: `${pointer}/example`, what: 'example', value: schema['example'], schemaPointer: pointer };
      if (Array.isArray(schema['examples'])) {
        for (const [i, ex] of schema['examples'].entries())
          yield { valuePointer: `${pointer}/examples/${i}`, what: 'example', value: ex, schemaPointer: pointer };
      }
    }
  }
  for (const op of specOperations(doc)) {
    const media: [string, unknown][] = [];
    const body = op.operation['requestBody'];
    if (isPlainObject(body) && isPlainObject(body['content']))
      for (const [t, m] of Object.entries(body['content'])) media.push([`${op.pointer}/requestBody/content${segmentsToPointer([t])}`, m]);
    const responses = op.operation['responses'];
    if (isPlainObject(responses)) {
      for (const [status, r] of Object.entries(responses)) {
        if (isPlainObject(r) && isPlainObject(r['content']))
          for (const [t, m] of Object.entries(r['content']))
            media.push([`${op.pointer}/responses${segmentsToPointer([status])}/content${segmentsToPointer([t])}`, m]);
      }
    }
    for (const [pointer, m] of media) {
      if (!isPlainObject(m) || !isPlainObject(m['schema'])) continue;
      if ('example' in m)
        yield { valuePointer: `${pointer}/example`, what: 'example', value: m['example'], schemaPointer: `${pointer}/schema` };
      if (isPlainObject(m['examples'])) {
        for (const [name, ex] of Object.entries(m['examples'])) {
          if (isPlainObject(ex) && 'value' in ex)
            yield {
              valuePointer: `${pointer}/examples${segmentsToPointer([name])}/value`,
              what: `example "${name}"`,
              value: ex['value'],
              schemaPointer: `${pointer}/schema`,
            };
        }
      }
    }
  }
}

/** Every default or example that its own schema rejects, located in the source file. */
export function specWarnings(spec: SpecFile): SpecProblem[] {
  const { doc } = spec;
  const ajv = createAjv({ strict: false });
  addSpecDocument(ajv, doc, { withPaths: true });
  const warnings: SpecProblem[] = [];
  for (const { valuePointer, what, value, schemaPointer } of ownValues(doc)) {
    const validate = ajv.getSchema(`${SPEC_DOCUMENT_ID}#${schemaPointer}`);
    if (!validate || validate(value)) continue;
    const reason = (validate.errors ?? [])
      .slice(0, 2)
      .map((e) => `${e.instancePath || ''} ${e.message ?? e.keyword}`.trim())
      .join('; ');
    warnings.push({
      pointer: valuePointer,
      message: `${what} ${JSON.stringify(value)?.slice(0, 60)} fails its own schema: ${reason}`,
      ...spec.locate(valuePointer),
    });
  }
  return warnings;
}

/** One screen: `⚠ N warnings`, then `file:line:col  at #pointer` and the message per warning. */
export function formatWarnings(file: string, warnings: readonly SpecProblem[], limit = 20): string {
  return `⚠ ${warnings.length} spec warning${warnings.length === 1 ? '' : 's'} (not failing): a default or example that its own schema rejects; the contract suite reports such values as spec defects\n${problemLines(file, warnings, limit)}`;
}
