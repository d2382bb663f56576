/** Resolves external `$ref`s (other files, other URLs) into one self-contained document. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { ScriptError } from '../cli.js';
import { allRefs } from '../openapi-walk.js';
import { EXIT_UPDATE_FAILED } from './source.js';

/**
 * swagger-parser's `bundle` inlines each external file once and points the other refs at that
 * copy; refs that were already local stay as they are, so a self-contained spec comes out unchanged.
 */
export async function bundleSpec(doc: Record<string, unknown>, base: string, label: string): Promise<Record<string, unknown>> {
  // Already self-contained: nothing to resolve, and a dangling local ref is better reported by
  // the pipeline's validation (with its line) than by the bundler.
  if ([...allRefs(doc)].every(({ ref }) => ref.startsWith('#'))) return doc;
  try {
    const bundled = await SwaggerParser.bundle(base, structuredClone(doc) as never, {});
    return bundled as unknown as Record<string, unknown>;
  } catch (err) {
    const message = ((err as Error).message ?? String(err)).split('\n')[0];
    throw new ScriptError(`✘ cannot bundle ${label}: ${message}`, EXIT_UPDATE_FAILED);
  }
}
