/**
 * The schema of `fungies-contract.config.json`, published as contract-tests/config.schema.json
 * (a test keeps the two equal) so editors complete and check the file. No field holds a key: keys
 * come from the environment, from variables named per target.
 */
export const CONFIG_FILE = 'fungies-contract.config.json';

const selector = {
  type: 'string',
  minLength: 1,
  description: 'operationIds, tags or globs, comma-separated (as --operation / --exclude)',
} as const;

const envName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/fungies-openapi/contract-tests/config.schema.json',
  title: 'fungies-contract config',
  description: 'Named targets for `fungies-contract run --target-name <name>`. Keys are never stored here: they come from the environment.',
  type: 'object',
  additionalProperties: false,
  required: ['targets'],
  properties: {
    $schema: { type: 'string' },
    targets: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' },
      additionalProperties: { $ref: '#/$defs/target' },
    },
  },
  $defs: {
    target: {
      type: 'object',
      additionalProperties: false,
      required: ['baseUrl'],
      properties: {
        baseUrl: { type: 'string', pattern: '^https?://', description: 'The server under test (as --target).' },
        targetIsPrism: { type: 'boolean', description: 'The target is a Prism mock (as --target-is-prism).' },
        allowWrites: { type: 'boolean', description: 'Run operations that change data (as --allow-writes).' },
        operations: selector,
        exclude: selector,
        headers: {
          type: 'object',
          description: 'Sent with every request (as -H); values are masked in reports.',
          propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", not: { enum: ['x-fngs-public-key', 'x-fngs-secret-key'] } },
          additionalProperties: { type: 'string' },
        },
        maxResponseTimeMs: { type: 'integer', minimum: 1, description: 'A slower response is a finding (as --max-response-time).' },
        timeoutMs: { type: 'integer', minimum: 1, description: 'Per-request deadline (as --timeout).' },
        publicKeyEnv: {
          ...envName,
          description: 'The variable holding the pub_… key; default FUNGIES_PUBLIC_KEY_<NAME> (the target name upper-cased, - as _).',
        },
        secretKeyEnv: {
          ...envName,
          description: 'The variable holding the sec_… key; default FUNGIES_SECRET_KEY_<NAME>.',
        },
      },
    },
  },
} as const;

export interface TargetConfig {
  baseUrl: string;
  targetIsPrism?: boolean;
  allowWrites?: boolean;
  operations?: string;
  exclude?: string;
  headers?: Record<string, string>;
  maxResponseTimeMs?: number;
  timeoutMs?: number;
  publicKeyEnv?: string;
  secretKeyEnv?: string;
}

export interface ContractConfig {
  targets: Record<string, TargetConfig>;
}
