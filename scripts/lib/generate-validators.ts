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
import { addSpecDocument } from '../../contract-tests/validation/spec-document.js';
import { isPlainObject } from '../../src/plain-object.js';
import { numberFormats } from '../../src/validation/formats.js';
import { commentText } from './emit.js';
import { idSchemas } from './generate.js';

// ajv's standalone entry is CommonJS; under NodeNext its default import is the module object.
type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as StandaloneCode;

/** Imported eagerly by the client: path parameters and ids are checked on every call. */
export const PARAM_VALIDATORS_FILE = 'param-validators.ts';
/** Imported only when a client turns `validateResponses` on: loaders of the per-operation modules below. */
export const RESPONSE_VALIDATORS_FILE = 'response-validators.ts';
/** One module per operation, so a validating client loads (and a bundler keeps) only what it calls. */
export const RESPONSE_VALIDATORS_DIR = 'response-validators';
/** Webhook event bodies by event type, for `verifyWebhook({ validate: true })`. */
export const WEBHOOK_VALIDATORS_FILE = 'webhook-validators.ts';

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
  const loaders: string[] = [];
  for (const [id, { entries, map }] of responses) {
    const stem = fileStem(id);
    files.set(
      `${RESPONSE_VALIDATORS_DIR}/${stem}.ts`,
      [
        `/** Precompiled validators for ${commentText(id)}'s successful response bodies, by documented status and media type. */`,
        validatorModule(ajv, entries, '../..'),
        `export const validators: Record<string, Record<string, ValidateFunction>> = ${mapCode(map)};`,
        '',
      ].join('\n'),
    );
    // The stem is [A-Za-z0-9_] only (fileStem), so the quoted specifier cannot be closed from inside.
    loaders.push(`  ${JSON.stringify(id)}: () => import('./${RESPONSE_VALIDATORS_DIR}/${stem}.js'),`);
  }
  files.set(
    RESPONSE_VALIDATORS_FILE,
    [
      '/** Loaders of the precompiled successful-response validators: one module per operation, imported on first use. */',
      "import type { PrecompiledValidator as ValidateFunction } from '../src/validation/issue.js';",
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
  files.set(WEBHOOK_VALIDATORS_FILE, webhookValidatorsModule(doc, ajv));
  return new Map([...files].map(([name, text]) => [name, banner + text]));
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

/** The JSON body schema of each webhook in the spec's `webhooks:` section, by the event type its body carries. */
function webhookValidatorsModule(doc: Record<string, unknown>, ajv: ReturnType<typeof createAjv>): string {
  const entries: Entry[] = [];
  const map: Record<string, string> = {};
  for (const { type, schema } of listWebhookEvents(doc)) {
    const name = `w${entries.length}`;
    entries.push({ name, id: `webhooks/${name}`, schema });
    map[type] = name;
  }
  return [
    '/** Precompiled validators for the webhook event bodies, by event type. */',
    validatorModule(ajv, entries, '..'),
    `export const webhookValidators: Record<string, ValidateFunction> = ${mapCode(map)};`,
    '',
  ].join('\n');
}

/**
 * An Ajv instance with the spec document registered, set up like the runtime instance the contract
 * suite uses (lenient, verbose), so errors have the same shape whichever side produced them.
 */
export function standaloneAjv(doc: Record<string, unknown>): ReturnType<typeof createAjv> {
  const ajv = createAjv({ strict: false, verbose: true, code: { source: true, esm: true, lines: false, formats: _`formats` } });
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
