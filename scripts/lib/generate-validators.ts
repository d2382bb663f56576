/**
 * Precompiles the spec's validators with Ajv standalone, so the client validates path parameters,
 * ids and (optionally) response bodies without loading Ajv or compiling anything at run time.
 */
import { _ } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { createAjv } from '../../src/validation/ajv.js';
import { numberFormats } from '../../src/validation/formats.js';
import { absoluteRefs, idSchemas, SPEC_DOCUMENT_ID } from './generate.js';
import { deref, isObject, listOperations, operationParameters, type JsonObject } from './openapi-walk.js';

// ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as StandaloneCode;

/** Imported eagerly by the client: path parameters and ids are checked on every call. */
export const PARAM_VALIDATORS_FILE = 'param-validators.ts';
/** Imported only when a client turns `validateResponses` on. */
export const RESPONSE_VALIDATORS_FILE = 'response-validators.ts';

interface Entry {
  /** Export name in the module (an identifier). */
  name: string;
  schema: unknown;
}

/** File name (relative to generated/) → module text, without the banner. */
export function generateValidatorFiles(doc: Record<string, unknown>): Map<string, string> {
  const files = new Map<string, string>();
  const ids = idSchemas(doc);
  const params: Record<string, Record<string, string>> = {};
  const paramEntries: Entry[] = [
    { name: 'isUuid', schema: ids.uuid },
    { name: 'isOrderNumber', schema: ids.orderNumber },
  ];
  const responses: Record<string, Record<string, Record<string, string>>> = {};
  const responseEntries: Entry[] = [];
  // The vendor writes one component per path parameter, but only a few distinct schemas: one
  // validator per distinct schema keeps the eagerly loaded module small.
  const paramByShape = new Map<string, string>();

  for (const op of listOperations(doc)) {
    const id = String(op.operation['operationId']);
    for (const { param } of operationParameters(doc, op)) {
      if (param['in'] !== 'path') continue;
      const schema = absoluteRefs(deref(doc, param['schema']) ?? {});
      const shape = JSON.stringify(schema);
      let name = paramByShape.get(shape);
      if (!name) {
        name = `p${paramEntries.length}`;
        paramEntries.push({ name, schema });
        paramByShape.set(shape, name);
      }
      (params[id] ??= {})[String(param['name'])] = name;
    }
    const rawResponses = isObject(op.operation['responses']) ? op.operation['responses'] : {};
    // The client validates successful bodies only; error bodies become typed errors unvalidated.
    for (const status of Object.keys(rawResponses).sort().filter((key) => key.startsWith('2') || key === 'default')) {
      const response = deref(doc, rawResponses[status]);
      if (!isObject(response) || !isObject(response['content'])) continue;
      for (const [type, media] of Object.entries(response['content'])) {
        if (!isObject(media) || media['schema'] === undefined) continue;
        const name = `r${responseEntries.length}`;
        responseEntries.push({ name, schema: absoluteRefs(media['schema']) });
        ((responses[id] ??= {})[status] ??= {})[type] = name;
      }
    }
  }

  const ajv = standaloneAjv(doc);
  files.set(
    PARAM_VALIDATORS_FILE,
    [
      '/** Precompiled validators for path parameters (by operationId and name) and for the spec\'s id schemas. */',
      validatorModule(ajv, paramEntries),
      `/** The spec's order-number pattern, for messages. */`,
      `export const ORDER_NUMBER_PATTERN: string = ${JSON.stringify((ids.orderNumber as JsonObject)['pattern'])};`,
      '',
      `export const pathParamValidators: Record<string, Record<string, ValidateFunction>> = ${mapCode(params)};`,
      '',
    ].join('\n'),
  );
  files.set(
    RESPONSE_VALIDATORS_FILE,
    [
      '/** Precompiled validators for successful response bodies, by operationId, documented status (2xx, default) and media type. */',
      validatorModule(ajv, responseEntries),
      `export const responseValidators: Record<string, Record<string, Record<string, ValidateFunction>>> = ${mapCode(responses)};`,
      '',
    ].join('\n'),
  );
  return files;
}

/**
 * An Ajv instance with the spec document registered, set up like the runtime instance the contract
 * suite uses (lenient, verbose), so errors have the same shape whichever side produced them.
 */
function standaloneAjv(doc: Record<string, unknown>): ReturnType<typeof createAjv> {
  const ajv = createAjv({ strict: false, verbose: true, code: { source: true, esm: true, lines: false, formats: _`formats` } });
  ajv.addKeyword('components');
  const components = isObject(doc['components']) ? doc['components'] : {};
  ajv.addSchema({ $id: SPEC_DOCUMENT_ID, components: { schemas: components['schemas'] ?? {} } });
  return ajv;
}

/** One ESM module exporting a validator per entry; `ajv` is shared so each schema is compiled once. */
function validatorModule(ajv: ReturnType<typeof createAjv>, entries: Entry[]): string {
  const refs: Record<string, string> = {};
  for (const { name, schema } of entries) {
    const id = `urn:fungies:validator:${name}`;
    if (!ajv.getSchema(id)) ajv.addSchema(schema as object, id);
    refs[name] = id;
  }
  const { code, imports } = hoistRequires(standaloneCode(ajv, refs));
  return [
    '// @ts-nocheck -- Ajv standalone output; the typed exports at the end are the module\'s interface.',
    "import type { ValidateFunction } from 'ajv';",
    ...imports,
    formatsCode(code),
    code,
    '',
  ].join('\n');
}

/** The generated code reads formats as `formats.<name>`; import only the ones it uses. */
function formatsCode(code: string): string {
  const used = new Set<string>();
  for (const m of code.matchAll(/\bformats\.([A-Za-z_$][\w$]*)|\bformats\["([^"]+)"\]/g)) used.add(m[1] ?? m[2]!);
  if (used.size === 0) return '';
  const own = [...used].every((name) => name in numberFormats);
  return own
    ? "import { numberFormats as formats } from '../src/validation/formats.js';"
    : [
        "import { fullFormats } from 'ajv-formats/dist/formats.js';",
        "import { numberFormats } from '../src/validation/formats.js';",
        'const formats = { ...fullFormats, ...numberFormats };',
      ].join('\n');
}

/** Standalone ESM code still `require`s Ajv's small runtime helpers (ucs2length, equal); make them imports. */
function hoistRequires(code: string): { code: string; imports: string[] } {
  const imports: string[] = [];
  const names = new Map<string, string>();
  const out = code.replace(/require\("([^"]+)"\)/g, (_m, path: string) => {
    let name = names.get(path);
    if (!name) {
      name = `runtime${names.size}`;
      names.set(path, name);
      imports.push(`import ${name} from ${JSON.stringify(path.endsWith('.js') ? path : `${path}.js`)};`);
    }
    return name;
  });
  return { code: out, imports };
}

function mapCode(map: Record<string, unknown>): string {
  const body = Object.entries(map).map(([key, value]) =>
    typeof value === 'string' ? `${JSON.stringify(key)}: ${value}` : `${JSON.stringify(key)}: ${mapCode(value as Record<string, unknown>)}`,
  );
  return `{ ${body.join(', ')} }`;
}
