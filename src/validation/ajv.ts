/** The one Ajv configuration used for the spec's schemas: JSON Schema 2020-12, as OpenAPI 3.1 uses. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Schema Object keywords that OpenAPI 3.1 adds to JSON Schema; they annotate, they never validate. */
const OPENAPI_VOCABULARY = ['discriminator', 'xml', 'externalDocs', 'example'];

export interface CreateAjvOptions {
  /** Report unknown keywords, union types without `allowUnionTypes` etc. as errors. */
  strict?: boolean;
  /** Errors carry `schema`, `parentSchema` and `data` (the contract suite reads them). */
  verbose?: boolean;
}

export function createAjv({ strict = true, verbose = false }: CreateAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
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
  // JSON numbers are IEEE doubles: an int64 is only exact within the safe-integer range, which is
  // also the range the spec's int64 bounds state. ajv-formats only checks "is an integer".
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX });
  ajv.addVocabulary(OPENAPI_VOCABULARY);
  return ajv;
}
