/**
 * Where the suite's validators come from. For the bundled spec: the successful response bodies'
 * validators precompiled into generated/ (the client's own), and in the installed kit every other
 * schema a run validates (request samples, parameters, error bodies), precompiled by the kit build
 * into SCHEMA_VALIDATORS_FILE beside the bundled chunk that holds this module (scripts/lib/bundle-kit.ts). Both are compiled with the runtime instance's Ajv
 * setup, so their errors are the same. A schema with none is compiled at run time; a run against
 * another spec uses runtimeSource, which compiles everything at run time.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrecompiledValidator } from '../../src/validation/issue.js';
import { activeSpec, bundledSpec } from '../spec/model.js';

/** The kit build's module of precompiled validators, keyed by the schema's JSON (validators.ts's cache key). */
export const SCHEMA_VALIDATORS_FILE = 'schema-validators.js';

export interface ValidatorSource {
  /** The validator of `operationId`'s body for a documented status and media type; undefined: compile the schema at run time. */
  responseValidator(operationId: string, statusKey: string, mediaTypeKey: string): PrecompiledValidator | undefined;
  /** Makes the validators of these operations available to responseValidator (before a run: checks are synchronous). */
  load(operationIds: Iterable<string>): Promise<void>;
  /** The precompiled validator of a schema, by its JSON; undefined: compile it at run time. */
  schemaValidator(key: string): PrecompiledValidator | undefined;
}

/** Every schema compiled at run time. */
export const runtimeSource: ValidatorSource = {
  responseValidator: () => undefined,
  load: async () => undefined,
  schemaValidator: () => undefined,
};

/** Present only in the built kit: from source (tsx, tests) every such schema is compiled at run time. */
const builtFile = new URL(`./${SCHEMA_VALIDATORS_FILE}`, import.meta.url);
const built: ReadonlyMap<string, PrecompiledValidator> = existsSync(fileURLToPath(builtFile))
  ? ((await import(builtFile.href)) as { schemaValidators: ReadonlyMap<string, PrecompiledValidator> }).schemaValidators
  : new Map();

type OperationValidators = Record<string, Record<string, PrecompiledValidator>>;

/** The validators precompiled from the bundled spec, imported per operation on `load`. */
export function precompiledSource(): ValidatorSource {
  const loaded = new Map<string, OperationValidators>();
  return {
    responseValidator: (operationId, statusKey, mediaTypeKey) => loaded.get(operationId)?.[statusKey]?.[mediaTypeKey],
    schemaValidator: (key) => built.get(key),
    async load(operationIds) {
      const wanted = [...new Set(operationIds)].filter((id) => !loaded.has(id));
      if (wanted.length === 0) return;
      const { responseValidatorLoaders } = await import('../../generated/response-validators.js');
      await Promise.all(
        wanted.map(async (id) => {
          const load = responseValidatorLoaders[id];
          if (load) loaded.set(id, (await load()).validators);
        }),
      );
    },
  };
}

let current: ValidatorSource = precompiledSource();

/** The source the engine validates with: precompiled validators belong to the bundled spec, so a run against another (--spec) compiles everything. */
export const validatorSource = (): ValidatorSource => (activeSpec() === bundledSpec() ? current : runtimeSource);

/** Replaces it (a run against a spec other than the bundled one sets runtimeSource); returns the previous one. */
export function setValidatorSource(source: ValidatorSource): ValidatorSource {
  const previous = current;
  current = source;
  return previous;
}
