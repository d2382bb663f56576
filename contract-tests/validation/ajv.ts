/** The one Ajv configuration used for the spec's schemas: JSON Schema 2020-12, as OpenAPI 3.1 uses. */
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/core.js';
import { numberFormats } from '../../src/validation/formats.js';

type AddFormats = (ajv: Ajv2020) => Ajv2020;

/**
 * Ajv and ajv-formats (CommonJS), required on the first createAjv: a run of the bundled spec uses
 * precompiled validators only, and loading Ajv's compiler costs more than a whole plan.
 */
let loaded: { Ajv: typeof Ajv2020; addFormats: AddFormats } | undefined;
function ajvModules(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const formats = require('ajv-formats') as AddFormats & { default?: AddFormats };
  loaded = { Ajv: (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020, addFormats: formats.default ?? formats };
  return loaded;
}

/** Schema Object keywords that OpenAPI 3.1 adds to JSON Schema; they annotate, they never validate. */
const OPENAPI_VOCABULARY = ['discriminator', 'xml', 'externalDocs', 'example'];

/** The spec's own extensions (docs/resource-model.md): they annotate a schema for the contract suite, never validate. */
const SPEC_EXTENSIONS = ['x-unit', 'x-resource'];

export interface CreateAjvOptions {
  /** Report unknown keywords, union types without `allowUnionTypes` etc. as errors. */
  strict?: boolean;
  /** Errors carry `schema`, `parentSchema` and `data` (the contract suite reads them). */
  verbose?: boolean;
  /** Ajv's code options; spec:generate sets `source` and `esm` to emit standalone validators. */
  code?: CodeOptions;
  /** false: each referenced schema stays one function (spec:generate ships each component once). */
  inlineRefs?: boolean;
}

export function createAjv({ strict = true, verbose = false, code, inlineRefs = true }: CreateAjvOptions = {}): Ajv2020 {
  const { Ajv, addFormats } = ajvModules();
  const ajv = new Ajv({
    ...(code ? { code } : {}),
    inlineRefs,
    strict,
    // OpenAPI 3.1 writes nullables as `type: [X, 'null']`.
    allowUnionTypes: true,
    allErrors: true,
    verbose,
    // Response bodies are checked as they arrived: no coercion, no defaults written into them.
    coerceTypes: false,
    useDefaults: false,
    validateFormats: true,
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(numberFormats)) ajv.addFormat(name, format);
  ajv.addVocabulary([...OPENAPI_VOCABULARY, ...SPEC_EXTENSIONS]);
  return ajv;
}
