/**
 * Where the validator of a documented response body comes from. The bundled spec's bodies have
 * validators precompiled into generated/ (the client's own, compiled with the same Ajv setup as
 * the runtime instance, so their errors are the same); a body with none (an error status) is
 * compiled at run time. A run against another spec uses the runtime source only.
 */
import type { PrecompiledValidator } from '../../src/validation/issue.js';

export interface ValidatorSource {
  /** The validator of `operationId`'s body for a documented status and media type; undefined: compile the schema at run time. */
  responseValidator(operationId: string, statusKey: string, mediaTypeKey: string): PrecompiledValidator | undefined;
  /** Makes the validators of these operations available to responseValidator (before a run: checks are synchronous). */
  load(operationIds: Iterable<string>): Promise<void>;
}

/** Every schema compiled at run time. */
export const runtimeSource: ValidatorSource = {
  responseValidator: () => undefined,
  load: async () => undefined,
};

type OperationValidators = Record<string, Record<string, PrecompiledValidator>>;

/** The validators precompiled from the bundled spec, imported per operation on `load`. */
export function precompiledSource(): ValidatorSource {
  const loaded = new Map<string, OperationValidators>();
  return {
    responseValidator: (operationId, statusKey, mediaTypeKey) => loaded.get(operationId)?.[statusKey]?.[mediaTypeKey],
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

/** The source the engine validates response bodies with. */
export const validatorSource = (): ValidatorSource => current;

/** Replaces it (a run against a spec other than the bundled one sets runtimeSource); returns the previous one. */
export function setValidatorSource(source: ValidatorSource): ValidatorSource {
  const previous = current;
  current = source;
  return previous;
}
