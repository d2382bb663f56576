/**
 * `--config <file>` (default ./fungies-contract.config.json) and `--target-name <name>`: a named
 * target's options, read from the config file and checked against its schema. Keys are read from
 * the environment variables the target names (default FUNGIES_PUBLIC_KEY_<NAME>), never from the file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { CONFIG_FILE, CONFIG_SCHEMA, type ContractConfig, type TargetConfig } from '../config-schema.js';
import { createAjv } from '../validation/ajv.js';
import { usageError } from './errors.js';
import type { Io } from './io.js';
import type { KeyEnv } from './run.js';

export interface NamedTarget {
  name: string;
  config: TargetConfig;
  keyEnv: KeyEnv;
}

let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** `staging-eu` → `STAGING_EU`: the suffix of the default key variables. */
export const envSuffix = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** One line for the first schema error: the field, what is wrong, and the fix. */
function explain(file: string, e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  const p = e.params as { additionalProperty?: string; missingProperty?: string };
  if (e.keyword === 'additionalProperties') {
    const name = p.additionalProperty ?? '';
    if (/key$/i.test(name) && !/env$/i.test(name))
      return `${file}: ${where}/${name}: keys never go in the config file: name the environment variable with publicKeyEnv / secretKeyEnv`;
    return `${file}: ${where}: unknown field "${name}" (fields: see contract-tests/config.schema.json)`;
  }
  if (e.keyword === 'required') return `${file}: ${where}: "${p.missingProperty}" is required`;
  return `${file}: ${where} ${e.message ?? 'is invalid'}`;
}

async function readConfig(file: string, io: Io): Promise<ContractConfig> {
  if (/\.ya?ml$/i.test(file)) throw usageError(`${file}: the config file is JSON (${CONFIG_FILE}); YAML is not read`);
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw usageError(`cannot read the config file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw usageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  validate ??= createAjv().compile(CONFIG_SCHEMA);
  if (!validate(value)) throw usageError(explain(file, validate.errors![0]!));
  return value as ContractConfig;
}

/** The target `name` of the config file, with the variables its keys come from. */
export async function loadTarget(io: Io, name: string, file = CONFIG_FILE): Promise<NamedTarget> {
  const config = await readConfig(file, io);
  const target = config.targets[name];
  if (!target || !Object.hasOwn(config.targets, name))
    throw usageError(`--target-name ${JSON.stringify(name)} is not in ${file}: its targets are ${Object.keys(config.targets).join(', ')}`);
  for (const header of Object.keys(target.headers ?? {}))
    if (/^x-fngs-(public|secret)-key$/i.test(header))
      throw usageError(
        `${file}: /targets/${name}/headers/${header}: keys never go in the config file: name the variable with publicKeyEnv`,
      );
  return {
    name,
    config: target,
    keyEnv: {
      publicKey: target.publicKeyEnv ?? `FUNGIES_PUBLIC_KEY_${envSuffix(name)}`,
      secretKey: target.secretKeyEnv ?? `FUNGIES_SECRET_KEY_${envSuffix(name)}`,
    },
  };
}
