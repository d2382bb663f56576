/**
 * Loads the precompiled validators in generated/ on first use. They are CommonJS so that a
 * synchronous caller (verifyWebhook) can load them as well as an asynchronous one, and each is a
 * factory over the number formats and a getter of the validators several modules share: a module
 * that reads none of those never loads them.
 */
import { createRequire } from 'node:module';
import { numberFormats } from './formats.js';

/** generated/ relative to this file; the build rewrites it for the bundles (scripts/lib/bundle.ts). */
const GENERATED_DIR = '../../generated/';
const SHARED = 'shared-validators';

type Shared = Record<string, unknown>;
type Factory = (formats: typeof numberFormats, shared: () => Shared) => unknown;

let load: NodeJS.Require | undefined;
let shared: Shared | undefined;

function factory(name: string): Factory {
  load ??= createRequire(import.meta.url);
  return load(`${GENERATED_DIR}${name}.cjs`) as Factory;
}

function sharedValidators(): Shared {
  shared ??= factory(SHARED)(numberFormats, () => {
    throw new Error(`${SHARED} cannot read itself`);
  }) as Shared;
  return shared;
}

/** The validators `name` (a module of generated/, without extension) exports, built once per call: callers keep them. */
export function loadValidatorModule<T>(name: string): T {
  return factory(name)(numberFormats, sharedValidators) as T;
}
