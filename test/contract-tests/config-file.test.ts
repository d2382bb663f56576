/** Several targets in fungies-contract.config.json: picked with --target-name, keys from variables named per target, the report names it. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import { CONFIG_SCHEMA } from '../../contract-tests/config-schema.js';
import type { RunData } from '../../contract-tests/engine/types.js';
import { LIED_OPERATION } from '../../contract-tests/fixtures/lying-server.js';
import { createAjv } from '../../contract-tests/validation/ajv.js';
import { KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const server = useLyingServer();
const tmp = useTempDir('fungies-config-');

/** Keys exported under the names the config's targets use, and nothing under FUNGIES_PUBLIC_KEY. */
const env = {
  NO_COLOR: '1',
  FUNGIES_PUBLIC_KEY_STAGING_EU: KEYS.publicKey,
  FUNGIES_SECRET_KEY_STAGING_EU: KEYS.secretKey,
  READONLY_PUB: KEYS.publicKey,
};

async function writeConfig(config: unknown): Promise<string> {
  const dir = join(tmp.dir, String(Math.random()).slice(2));
  await mkdir(dir);
  await writeFile(join(dir, 'fungies-contract.config.json'), JSON.stringify(config));
  return dir;
}

const twoTargets = () => ({
  targets: {
    'staging-eu': {
      baseUrl: server.url('honest'),
      allowWrites: true,
      operations: LIED_OPERATION,
      headers: { 'X-Region': 'eu-west-1' },
    },
    'live-readonly': {
      baseUrl: server.url('slow'),
      operations: 'GetV0OrdersList',
      maxResponseTimeMs: 100,
      publicKeyEnv: 'READONLY_PUB',
      secretKeyEnv: 'READONLY_SEC',
    },
  },
});

async function runIn(cwd: string, argv: string[]) {
  const io = { ...memoryIo('', env), cwd };
  const code = await main(argv, io);
  return { code, io };
}

describe('fungies-contract.config.json', () => {
  it('--target-name runs one target with its URL, operations, writes and headers; keys from FUNGIES_PUBLIC_KEY_<NAME>', async () => {
    const dir = await writeConfig(twoTargets());
    const { code, io } = await runIn(dir, ['run', '--target-name', 'staging-eu', '--json', 'eu.json']);
    expect(io.err()).not.toContain('not set');
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'eu.json'), 'utf8')) as RunData;
    expect(report.target).toEqual({ url: server.url('honest'), kind: 'live', name: 'staging-eu' });
    expect(new Set(report.checks.map((c) => c.operationId))).toEqual(new Set([LIED_OPERATION]));
    expect(report.allowWrites).toBe(true);
    const sent = report.checks.find((c) => c.kind === 'status' && c.status === '200')!;
    expect(sent.outcome).toBe('passed');
    expect(sent.request?.headers['x-region']).toBeDefined();
    expect(JSON.stringify(report)).not.toContain('eu-west-1');
  });

  it('another target of the same file: its own key variables and max response time', async () => {
    const dir = await writeConfig(twoTargets());
    const { code, io } = await runIn(dir, ['run', '--target-name', 'live-readonly', '--json', 'ro.json']);
    expect(code, io.err()).toBe(1);
    const report = JSON.parse(await readFile(join(dir, 'ro.json'), 'utf8')) as RunData;
    expect(report.target.name).toBe('live-readonly');
    expect(report.checks.flatMap((c) => c.findings).some((f) => f.rule === 'max_response_time')).toBe(true);
    expect(io.out()).toContain('live-readonly');
  });

  const one = (target: Record<string, unknown>) => () => ({ targets: { a: target } });
  it.each([
    [
      'an unknown target',
      twoTargets,
      ['--target-name', 'nope'],
      '--target-name "nope" is not in fungies-contract.config.json: its targets are staging-eu, live-readonly',
    ],
    [
      'a key in the file',
      one({ baseUrl: 'http://127.0.0.1:9', publicKey: 'pub_x' }),
      ['--target-name', 'a'],
      'keys never go in the config file',
    ],
    ['a wrong type', one({ baseUrl: 42 }), ['--target-name', 'a'], '/targets/a/baseUrl must be string'],
    ['an unknown field', one({ baseUrl: 'http://x', allowWrite: true }), ['--target-name', 'a'], 'unknown field "allowWrite"'],
    ['a missing key variable', twoTargets, ['--target-name', 'live-readonly'], 'READONLY_PUB is not set'],
    [
      '--target with --target-name',
      twoTargets,
      ['--target-name', 'staging-eu', '--target', 'http://x'],
      '--target and --target-name both name the server',
    ],
  ])('%s is one usage line naming the field and the fix', async (_name, config, args, message) => {
    const dir = await writeConfig(config());
    const io = { ...memoryIo('', { NO_COLOR: '1' }), cwd: dir };
    expect(await main(['run', ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  it('the published schema is the one the CLI checks with, and the shipped example config follows it', async () => {
    expect(JSON.parse(await readFile('contract-tests/config.schema.json', 'utf8'))).toEqual(CONFIG_SCHEMA);
    const validate = createAjv().compile(CONFIG_SCHEMA);
    const example = JSON.parse(await readFile('contract-tests/examples/github-actions/fungies-contract.config.json', 'utf8'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });
});
