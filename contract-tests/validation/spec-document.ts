/** The one place the spec document meets Ajv: the id it is registered under, and how it is registered. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { isPlainObject } from '../../src/plain-object.js';

/**
 * The `$id` the spec's schemas are registered under, by every Ajv instance: the precompiled
 * validators, the suite's run-time validators, spec:check and the spec warnings. Local refs in a
 * schema compiled on its own are rewritten to it (absoluteRefs in scripts/lib/openapi-walk.ts).
 */
export const SPEC_DOCUMENT_ID = 'urn:fungies:api-docs';

export interface AddSpecDocumentOptions {
  /**
   * Register every component and the paths too, so inline schemas under paths compile by pointer
   * (`${SPEC_DOCUMENT_ID}#/paths/…`). The document as a whole is then not a schema, so it is not
   * checked against the meta-schema; each schema is, when it is compiled.
   */
  withPaths?: boolean;
}

export function addSpecDocument(ajv: Ajv2020, doc: Record<string, unknown>, { withPaths = false }: AddSpecDocumentOptions = {}): void {
  ajv.addKeyword('components');
  if (withPaths) {
    ajv.addKeyword('paths');
    ajv.addSchema({ $id: SPEC_DOCUMENT_ID, components: doc['components'] ?? {}, paths: doc['paths'] ?? {} }, undefined, undefined, false);
    return;
  }
  const components = isPlainObject(doc['components']) ? doc['components'] : {};
  ajv.addSchema({ $id: SPEC_DOCUMENT_ID, components: { schemas: components['schemas'] ?? {} } });
}
