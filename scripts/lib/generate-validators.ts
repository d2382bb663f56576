/**
 * Precompiles the spec's validators with Ajv standalone, so the client validates path parameters,
 * ids and (optionally) response bodies without loading Ajv or compiling anything at run time.
 */
import { _ } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { absoluteRefs, deref, type JsonObject, operationParameters, specOperations } from '../../contract-tests/spec/openapi-walk.js';
import { printable } from '../../contract-tests/spec/spec-file.js';
import { listWebhookEvents } from '../../contract-tests/spec/webhook-events.js';
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { addSpecDocument, SPEC_DOCUMENT_ID } from '../../contract-tests/validation/spec-document.js';
import { isPlainObject } from '../../src/plain-object.js';
import { numberFormats } from '../../src/validation/formats.js';
import { commentText } from './emit.js';
import { compileEnumsAsSets } from './enum-sets.js';
import { idSchemas } from './generate.js';
import { documentWithoutRedundantKeywords, withoutRedundantKeywords } from './redundant-keywords.js';
import { splitStandalone } from './split-validators.js';
import { appendErrorsInPlace, contextAsArguments, integerChecksByTrunc } from './standalone-rewrites.js';

// ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as StandaloneCode;

/** Imported eagerly by the client: path parameters and ids are checked on every call. */
export const PARAM_VALIDATORS_FILE = 'param-validators.ts';
/** Loaders of the per-operation modules below, which a client loads only when `validateResponses` is on. */
export const RESPONSE_VALIDATORS_FILE = 'response-validators.ts';
/** One CommonJS module per operation, so a validating client loads only what it calls. */
export const RESPONSE_VALIDATORS_DIR = 'response-validators';
/** Webhook event bodies by event type, loaded by `verifyWebhook({ validate: true })` (a CommonJS module). */
export const WEBHOOK_VALIDATORS_MODULE = 'webhook-validators';
/** What two or more of the modules above share, loaded with the first module that needs it. */
export const SHARED_VALIDATORS_MODULE = 'shared-validators';

export interface Entry {
  /** Export name in the module (an identifier). */
  name: string;
  /** Unique among every module's entries: the shared Ajv instance registers the schema under it. */
  id: string;
  schema: unknown;
}

/** File name (relative to generated/) → module text, each starting with `banner`. */
export function generateValidatorFiles(doc: Record<string, unknown>, banner: string): Map<string, string> {
  const files = new Map<string, string>();
  const ids = idSchemas(doc);
  const params: Record<string, Record<string, string>> = {};
  const paramEntries: Entry[] = [
    { name: 'isUuid', id: 'params/isUuid', schema: ids.uuid },
    { name: 'isOrderNumber', id: 'params/isOrderNumber', schema: ids.orderNumber },
  ];
  const responses = new Map<string, { entries: Entry[]; map: Record<string, Record<string, string>> }>();
  // The vendor writes one component per path parameter, but only a few distinct schemas: one
  // validator per distinct schema keeps the eagerly loaded module small.
  const paramByShape = new Map<string, string>();

  for (const op of specOperations(doc)) {
    const id = String(op.operation['operationId']);
    for (const { param } of operationParameters(doc, op)) {
      if (param['in'] !== 'path') continue;
      const schema = absoluteRefs(deref(doc, param['schema']) ?? {});
      const shape = JSON.stringify(schema);
      let name = paramByShape.get(shape);
      if (!name) {
        name = `p${paramEntries.length}`;
        paramEntries.push({ name, id: `params/${name}`, schema });
        paramByShape.set(shape, name);
      }
      params[id] = { ...params[id], [String(param['name'])]: name };
    }
    const rawResponses = isPlainObject(op.operation['responses']) ? op.operation['responses'] : {};
    // The client validates successful bodies only; error bodies become typed errors unvalidated.
    for (const status of Object.keys(rawResponses)
      .sort()
      .filter((key) => key.startsWith('2') || key === 'default')) {
      const response = deref(doc, rawResponses[status]);
      if (!isPlainObject(response) || !isPlainObject(response['content'])) continue;
      for (const [type, media] of Object.entries(response['content'])) {
        if (!isPlainObject(media) || media['schema'] === undefined) continue;
        const forOp = responses.get(id) ?? { entries: [], map: {} };
        responses.set(id, forOp);
        const name = `r${forOp.entries.length}`;
        forOp.entries.push({ name, id: `${id}/${name}`, schema: absoluteRefs(media['schema']) });
        forOp.map[status] = { ...forOp.map[status], [type]: name };
      }
    }
  }

  const ajv = standaloneAjv(doc);
  files.set(
    PARAM_VALIDATORS_FILE,
    [
      "/** Precompiled validators for path parameters (by operationId and name) and for the spec's id schemas. */",
      validatorModule(ajv, paramEntries, '..'),
      `/** The spec's order-number pattern, for messages. */`,
      `export const ORDER_NUMBER_PATTERN: string = ${JSON.stringify((ids.orderNumber as JsonObject)['pattern'])};`,
      '',
      `export const pathParamValidators: Record<string, Record<string, ValidateFunction>> = ${mapCode(params)};`,
      '',
    ].join('\n'),
  );
  for (const [name, text] of lazyValidatorFiles(doc, responses)) files.set(name, text);
  return new Map([...files].map(([name, text]) => [name, banner + text]));
}

/**
 * The validators loaded on first use (response bodies per operation, webhook bodies), as CommonJS
 * factories (src/validation/load-validators.ts) so that synchronous verifyWebhook can load them
 * too: compiled together with `inlineRefs: false`, split by owner (scripts/lib/split-validators.ts).
 * They check a body (a list of a thousand orders) on every call, so they are compiled from a copy
 * of the spec without the assertions an allOf states twice (scripts/lib/redundant-keywords.ts),
 * with long enums as Set lookups (scripts/lib/enum-sets.ts).
 */
function lazyValidatorFiles(
  specDoc: Record<string, unknown>,
  responses: Map<string, { entries: Entry[]; map: Record<string, Record<string, string>> }>,
): Map<string, string> {
  const files = new Map<string, string>();
  const doc = documentWithoutRedundantKeywords(specDoc, SPEC_DOCUMENT_ID);
  const ajv = standaloneAjv(doc, false);
  compileEnumsAsSets(ajv);
  const refs: Record<string, string> = {};
  const owners = new Map<string, string>();
  const add = (owner: string, { name, id, schema }: Entry) => {
    // A copy: an inline body schema that is also a component object must compile as its own root
    // (Ajv caches by object), as it did inlined, and not as the component's function.
    ajv.addSchema(structuredClone(withoutRedundantKeywords(schema, specDoc, SPEC_DOCUMENT_ID)) as object, `urn:fungies:validator:${id}`);
    refs[name] = `urn:fungies:validator:${id}`;
    owners.set(name, owner);
  };
  const ownerMaps = new Map<string, string>();
  for (const [id, { entries, map }] of responses) {
    const stem = fileStem(id);
    // Export names must be unique across every owner of the one standalone module.
    const renamed = new Map(entries.map((e) => [e.name, `${stem}_${e.name}`]));
    for (const e of entries) add(`${RESPONSE_VALIDATORS_DIR}/${stem}`, { ...e, name: renamed.get(e.name)! });
    ownerMaps.set(`${RESPONSE_VALIDATORS_DIR}/${stem}`, mapCode(renameValues(map, renamed)));
  }
  const webhookMap: Record<string, string> = {};
  listWebhookEvents(specDoc).forEach(({ type, schema }, i) => {
    add(WEBHOOK_VALIDATORS_MODULE, { name: `webhooks_w${i}`, id: `webhooks/w${i}`, schema });
    webhookMap[type] = `webhooks_w${i}`;
  });
  ownerMaps.set(WEBHOOK_VALIDATORS_MODULE, mapCode(webhookMap));
  const code = contextAsArguments(integerChecksByTrunc(appendErrorsInPlace(standaloneCode(ajv, refs))));
  if (/\brequire\(/.test(code)) throw new Error('the precompiled validators need a runtime module of Ajv, which the client does not ship');
  const split = splitStandalone(code, owners, schemaPathsAsInlined(ajv, doc, Object.values(refs)));
  const exportsOf = (owner: string) =>
    [...split.exported].filter(([name]) => owners.get(name) === owner).map(([name, target]) => `const ${name} = ${target};`);
  files.set(
    `${SHARED_VALIDATORS_MODULE}.cjs`,
    factoryModule(
      'The precompiled validators two or more operations or webhooks share.',
      [],
      split.shared.code,
      `{ ${split.shared.names.join(', ')} }`,
    ),
  );
  const loaders: string[] = [];
  for (const [owner, map] of ownerMaps) {
    const own = split.owners.get(owner) ?? { code: '', sharedNames: [] };
    const what =
      owner === WEBHOOK_VALIDATORS_MODULE
        ? 'Precompiled validators for the webhook event bodies, by event type.'
        : `Precompiled validators for ${commentText(owner.slice(RESPONSE_VALIDATORS_DIR.length + 1))}'s successful response bodies, by documented status and media type.`;
    files.set(`${owner}.cjs`, factoryModule(what, own.sharedNames, [own.code, ...exportsOf(owner)].join('\n'), map));
    // The stem is [A-Za-z0-9_] only (fileStem), so the quoted name cannot be closed from inside.
    if (owner !== WEBHOOK_VALIDATORS_MODULE) {
      const id = owner.slice(RESPONSE_VALIDATORS_DIR.length + 1);
      loaders.push(`  ${JSON.stringify(id)}: async () => ({ validators: loadValidatorModule(${JSON.stringify(owner)}) }),`);
    }
  }
  files.set(
    RESPONSE_VALIDATORS_FILE,
    [
      '/** Loaders of the precompiled successful-response validators: one module per operation, loaded on first use. */',
      "import type { PrecompiledValidator as ValidateFunction } from '../src/validation/issue.js';",
      "import { loadValidatorModule } from '../src/validation/load-validators.js';",
      '',
      '/** Validators of one operation, by documented status (2xx, default) and media type. */',
      'export type OperationResponseValidators = Record<string, Record<string, ValidateFunction>>;',
      '',
      'export const responseValidatorLoaders: Record<string, () => Promise<{ validators: OperationResponseValidators }>> = {',
      ...loaders,
      '};',
      '',
    ].join('\n'),
  );
  return files;
}

/**
 * Errors keep the schemaPath an inlined `$ref` gives them (the ref as written, then the path inside
 * the component), the same as the contract suite's runtime Ajv reports: a component compiled as its
 * own function reports paths from its own root (`#/…`), so its paths are prefixed with the one way
 * the spec refers to it. Returns the rewrite of one declaration's code, by function name.
 */
function schemaPathsAsInlined(ajv: ReturnType<typeof createAjv>, doc: Record<string, unknown>, entryIds: string[]) {
  const components = (
    isPlainObject(doc['components']) && isPlainObject(doc['components']['schemas']) ? doc['components']['schemas'] : {}
  ) as JsonObject;
  const written = new Map<string, Set<string>>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) collect(item);
    else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.match(/#\/components\/schemas\/([^/]+)$/)?.[1];
          if (name) written.set(name, (written.get(name) ?? new Set()).add(value));
        } else collect(value);
      }
    }
  };
  collect(components);
  for (const id of entryIds) collect(ajv.getSchema(id)?.schema);
  // The Ajv instance holds the spec's own schema objects: a compiled component is found by identity.
  const registered = (ajv as unknown as { schemas: Record<string, { schema: { components: { schemas: JsonObject } } }> }).schemas;
  const byObject = new Map(Object.entries(registered[SPEC_DOCUMENT_ID]?.schema.components.schemas ?? components).map(([k, v]) => [v, k]));
  // An entry is compiled as a root here and when inlined alike: its own paths stay `#/…`.
  const entries = new Set<unknown>(entryIds.map((id) => ajv.getSchema(id)));
  const prefixOf = new Map<string, string>();
  const scope = (
    ajv as unknown as {
      scope: { _values: { validate?: Map<unknown, { str: string; value?: { ref?: { schemaEnv?: { schema?: unknown } } } }> } };
    }
  ).scope;
  for (const name of scope._values.validate?.values() ?? []) {
    const component = byObject.get(name.value?.ref?.schemaEnv?.schema as JsonObject);
    // Ajv inlines (inlineRefs: true) only a schema with no references of its own; one with some it
    // compiles as a function of its own, whose paths are `#/…` either way.
    if (component === undefined || entries.has(name.value?.ref) || hasRef(components[component])) continue;
    const ways = [...(written.get(component) ?? [])];
    if (ways.length > 1)
      throw new Error(`components/schemas/${component} is referred to as ${ways.join(' and ')}: its errors' schemaPath cannot match both`);
    if (ways[0]) prefixOf.set(name.str, JSON.stringify(ways[0]).slice(1, -1));
  }
  return (name: string, text: string): string => {
    const prefix = prefixOf.get(name);
    return prefix === undefined ? text : text.replace(/schemaPath:"#(?=["/])/g, `schemaPath:"${prefix}`);
  };
}

/** Ajv's test for "may be inlined": no reference keyword anywhere inside. */
function hasRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasRef);
  if (!isPlainObject(node)) return false;
  return Object.entries(node).some(([key, value]) => REF_KEYWORDS.has(key) || hasRef(value));
}
const REF_KEYWORDS = new Set(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor']);

/**
 * A CommonJS module exporting a factory over the number formats (Ajv's code reads `formats.<name>`)
 * and a getter of the shared validators, called only by modules that read some.
 */
function factoryModule(what: string, sharedNames: string[], code: string, result: string): string {
  return [
    `/** ${what} */`,
    "'use strict';",
    'module.exports = function (formats, shared) {',
    ...(sharedNames.length > 0 ? [`const { ${sharedNames.join(', ')} } = shared();`] : []),
    code,
    `return ${result};`,
    '};',
    '',
  ].join('\n');
}

function renameValues(map: Record<string, Record<string, string>>, names: Map<string, string>): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(map).map(([status, byType]) => [
      status,
      Object.fromEntries(Object.entries(byType).map(([type, name]) => [type, names.get(name) ?? name])),
    ]),
  );
}

/**
 * The file name (without extension) of an operation's validator module: the operationId itself,
 * which spec:check holds to the identifier rule; anything else (`..`, `/`, quotes) is refused here too.
 */
function fileStem(operationId: string): string {
  if (!/^[A-Za-z0-9_]{1,100}$/.test(operationId)) {
    throw new Error(`operationId ${printable(JSON.stringify(operationId))} cannot name a file: it must match ^[A-Za-z0-9_]{1,100}$`);
  }
  return operationId;
}

/**
 * An Ajv instance with the spec document registered, set up like the runtime instance the contract
 * suite uses (lenient, verbose), so errors have the same shape whichever side produced them.
 */
export function standaloneAjv(doc: Record<string, unknown>, inlineRefs = true): ReturnType<typeof createAjv> {
  const ajv = createAjv({
    strict: false,
    verbose: true,
    inlineRefs,
    code: { source: true, esm: true, lines: false, formats: _`formats` },
  });
  addSpecDocument(ajv, doc);
  return ajv;
}

/** One ESM module exporting a validator per entry; `ajv` is shared so each schema is compiled once; `root` is the repository root relative to the module. */
export function validatorModule(ajv: ReturnType<typeof createAjv>, entries: Entry[], root: string): string {
  const refs: Record<string, string> = {};
  for (const { name, id, schema } of entries) {
    ajv.addSchema(schema as object, `urn:fungies:validator:${id}`);
    refs[name] = `urn:fungies:validator:${id}`;
  }
  const { code, imports } = hoistRequires(standaloneCode(ajv, refs));
  return [
    "// @ts-nocheck -- Ajv standalone output; the typed exports at the end are the module's interface.",
    // The client ships no Ajv: the validators are typed by the client's own structural type.
    `import type { PrecompiledValidator as ValidateFunction } from '${root}/src/validation/issue.js';`,
    ...imports,
    formatsCode(code, root),
    code,
    '',
  ].join('\n');
}

/** The generated code reads formats as `formats.<name>`; import only the ones it uses. */
function formatsCode(code: string, root: string): string {
  const used = new Set<string>();
  for (const m of code.matchAll(/\bformats\.([A-Za-z_$][\w$]*)|\bformats\["([^"]+)"\]/g)) used.add(m[1] ?? m[2]!);
  if (used.size === 0) return '';
  const own = [...used].every((name) => name in numberFormats);
  return own
    ? `import { numberFormats as formats } from '${root}/src/validation/formats.js';`
    : [
        "import { fullFormats } from 'ajv-formats/dist/formats.js';",
        `import { numberFormats } from '${root}/src/validation/formats.js';`,
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
