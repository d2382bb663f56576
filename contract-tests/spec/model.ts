/**
 * The spec a command checks against: the bundled one, whose operations and schemas were generated
 * at build time, or one given with --spec, read and checked at run time (load.ts). Every piece of
 * the engine that reads the spec (operations, parameters, request bodies, response validators, the
 * resource model) asks `activeSpec()`, so one switch moves them all.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { operations as generatedOperations } from '../../generated/operations.js';
import { schemaDocument as generatedSchemas, specInfo } from '../../generated/schemas.js';
import type { OperationMeta } from '../../src/operation-meta.js';
import { SPEC_FILE, SPEC_PATH } from '../spec-path.js';

export interface SpecDocument {
  components: { schemas: Record<string, unknown> };
}

/** Which spec a run used, as the reports name it. */
export interface SpecOrigin {
  /** `openapi/api-docs.yaml` for the bundled spec, else the path or URL given to --spec (without credentials). */
  location: string;
  /** sha256 of the spec's bytes, hex. */
  sha256: string;
  bundled: boolean;
}

export interface SpecModel {
  info: { title: string; version: string };
  /** In spec order. */
  operations: readonly OperationMeta[];
  /** The component schemas, registered with Ajv under SPEC_DOCUMENT_ID. */
  schemaDocument: SpecDocument;
  origin(): SpecOrigin;
  /** A file holding the spec, for the Prism mock; written on first use for a spec read from a URL. */
  file(): Promise<string>;
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

let bundled: SpecModel | undefined;

/** The spec the package ships, from its generated metadata; its hash is computed only when a report asks. */
export function bundledSpec(): SpecModel {
  if (bundled) return bundled;
  let origin: SpecOrigin | undefined;
  bundled = {
    info: { title: specInfo.title, version: specInfo.version },
    operations: Object.values(generatedOperations) as readonly OperationMeta[],
    schemaDocument: generatedSchemas,
    origin: () => (origin ??= { location: SPEC_PATH, sha256: sha256(readFileSync(SPEC_FILE)), bundled: true }),
    file: async () => SPEC_FILE,
  };
  return bundled;
}

export { sha256 };

let active: SpecModel | undefined;

/** The spec of the command running now: the one given with --spec, else the bundled one. */
export function activeSpec(): SpecModel {
  return active ?? bundledSpec();
}

/** Runs `work` with `spec` as the active spec (undefined: the bundled one), and restores the previous one after. */
export async function withSpec<T>(spec: SpecModel | undefined, work: () => Promise<T>): Promise<T> {
  const before = active;
  active = spec;
  try {
    return await work();
  } finally {
    active = before;
  }
}

/** Every operation of the active spec, in spec order. */
export const specOperationList = (): readonly OperationMeta[] => activeSpec().operations;

const byId = new WeakMap<SpecModel, Map<string, OperationMeta>>();

/** The operation of the active spec with this operationId, or undefined. */
export function findSpecOperation(operationId: string): OperationMeta | undefined {
  const spec = activeSpec();
  let index = byId.get(spec);
  if (!index) {
    index = new Map(spec.operations.map((op) => [op.operationId, op]));
    byId.set(spec, index);
  }
  return index.get(operationId);
}
