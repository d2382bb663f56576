/**
 * Resolves external `$ref`s (other files, other URLs) into one self-contained document, reading
 * only what the source's ref policy allows, within the update's size and time budget.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { type Budget, createBudget, ReadRefused } from '../../../contract-tests/spec/download.js';
import { allRefs } from '../../../contract-tests/spec/openapi-walk.js';
import { parseYamlValue, SpecInvalidError } from '../../../contract-tests/spec/spec-file.js';
import { ScriptError } from '../cli.js';
import { filePolicy, type RefPolicy, RefReadError, resolveRef, targetOf, urlPolicy } from './ref-policy.js';
import { EXIT_UPDATE_FAILED, updateFailed } from './update-failed.js';

export interface BundleSource {
  /** An absolute file path or the URL the spec came from: relative `$ref`s resolve from here. */
  base: string;
  /** The source as messages name it. */
  label: string;
  isUrl: boolean;
}

export interface BundleOptions {
  budget?: Budget;
  fetch?: typeof globalThis.fetch;
}

const fail = (message: string) => updateFailed(`${message}; nothing was changed`);

/**
 * swagger-parser's `bundle` inlines each external file once and points the other refs at that
 * copy; refs that were already local stay as they are, so a self-contained spec comes out unchanged.
 * Its own file and http readers and its parsers (js-yaml without an alias cap, a text parser that
 * inlines any file verbatim) are switched off: the only reader and parser are the ones below.
 */
export async function bundleSpec(
  doc: Record<string, unknown>,
  source: BundleSource,
  { budget = createBudget(), fetch = globalThis.fetch }: BundleOptions = {},
): Promise<Record<string, unknown>> {
  // Already self-contained: nothing to resolve, and a dangling local ref is better reported by
  // the pipeline's validation (with its line) than by the bundler.
  if ([...allRefs(doc)].every(({ ref }) => ref.startsWith('#'))) return doc;
  const policy: RefPolicy = source.isUrl ? urlPolicy(source.base, budget, fetch) : await filePolicy(source.base, budget);
  /** Who first asked for each target, so a failed read names the `$ref` and where it stands. */
  const askedBy = new Map<string, string>();
  // The bundler wraps what plugins throw; the first failure of ours is kept whole and rethrown.
  let failure: ScriptError | undefined;
  const keep = (err: ScriptError) => (failure ??= err);

  /** Every external ref in `value` (a document at `base`) is checked before anything it names is read. */
  const checkRefs = async (value: unknown, base: string, docName: string) => {
    for (const { ref, pointer } of allRefs(value)) {
      const target = resolveRef(base, ref);
      if (target === undefined) continue;
      const where = `$ref "${ref}" at ${docName}#${pointer}`;
      const refusal = await policy.refusal(target);
      if (refusal) throw keep(fail(`${where}: ${refusal}`));
      if (!askedBy.has(target)) askedBy.set(target, where);
    }
  };

  const guardedReader = {
    order: 1,
    canRead: true,
    async read(file: { url: string }): Promise<Buffer> {
      const target = targetOf(file.url);
      const name = policy.name(target);
      // A ref the walk above did not see (one resolved against a schema's $id) is named by its target.
      const where = askedBy.get(target) ?? `a $ref in ${source.label} to ${name}`;
      const refusal = await policy.refusal(target);
      if (refusal) throw keep(fail(`${where}: ${refusal}`));
      try {
        return await policy.read(target);
      } catch (err) {
        if (err instanceof ReadRefused)
          throw keep(fail(`${where}: ${name} ${err.kind === 'size' ? 'would make the spec ' : ''}${err.message}`));
        if (err instanceof RefReadError) throw keep(fail(`${where}: ${name} ${err.message}`));
        throw keep(fail(`${where}: ${name} cannot be read (${(err as Error).message ?? String(err)})`));
      }
    },
  };
  const boundedYaml = {
    order: 1,
    canParse: true,
    async parse(file: { url: string; data: unknown }): Promise<unknown> {
      const target = targetOf(file.url);
      const name = policy.name(target);
      const text = Buffer.isBuffer(file.data) ? file.data.toString('utf8') : String(file.data);
      let value: unknown;
      try {
        value = parseYamlValue(text, name);
      } catch (err) {
        if (!(err instanceof SpecInvalidError)) throw err;
        const problem = err.problems[0];
        throw keep(fail(`${name}: ${problem?.message ?? 'cannot be parsed'}${problem?.line ? ` (line ${problem.line})` : ''}`));
      }
      await checkRefs(value, target, name);
      return value;
    },
  };

  try {
    await checkRefs(doc, source.base, source.label);
    const bundled = await SwaggerParser.bundle(
      source.base,
      structuredClone(doc) as never,
      {
        resolve: { file: false, http: false, guarded: guardedReader },
        parse: { json: false, yaml: false, text: false, binary: false, boundedYaml },
      } as never,
    );
    return bundled as unknown as Record<string, unknown>;
  } catch (err) {
    if (failure) throw failure;
    if (err instanceof ScriptError) throw err;
    const message = ((err as Error).message ?? String(err)).split('\n')[0];
    throw new ScriptError(`✘ cannot bundle ${source.label}: ${message}`, EXIT_UPDATE_FAILED);
  }
}
