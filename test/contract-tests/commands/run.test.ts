/** The run command as a plain engine: keys and options come from the injected Io, a run that checked nothing fails. */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../contract-tests/cli.js';
import { LIED_OPERATION } from '../../../contract-tests/fixtures/lying-server.js';
import { KEYS, memoryIo, useLyingServer, useTempDir } from '../helpers.js';

const server = useLyingServer();
const temp = useTempDir('fungies-run-');

describe('fungies-contract run (engine)', () => {
  it('reads the keys from the injected Io, not from process.env', async () => {
    expect(process.env['FUNGIES_PUBLIC_KEY']).toBeUndefined();
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey });
    const code = await main(['run', '--target', server.url('honest'), '--operation', LIED_OPERATION, '--allow-writes'], io);
    expect(io.out()).toMatch(/✔ \d+ checks passed/);
    expect(code).toBe(0);
  });

  it('exits non-zero with the reason when every check was skipped', async () => {
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey });
    const code = await main(['run', '--target', server.url('honest'), '--operation', LIED_OPERATION], io);
    expect(code).toBe(2);
    expect(io.out() + io.err()).toMatch(/no check ran: all \d+ were skipped/);
    expect(io.out() + io.err()).toContain('--allow-writes');
  });

  it.each([
    ['a folder', (dir: string) => dir],
    ['a path under a file', (dir: string) => join(dir, 'a-file', 'report.json')],
  ])('refuses a --json or --junit path that is %s before running anything, in one line', async (_name, pathIn) => {
    await writeFile(join(temp.dir, 'a-file'), 'x');
    for (const flag of ['--json', '--junit']) {
      const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey });
      const code = await main(['run', '--target', server.url('honest'), '--operation', LIED_OPERATION, flag, pathIn(temp.dir)], io);
      expect(code).toBe(2);
      expect(io.err()).toContain(`${flag} `);
      expect(io.err().trim().split('\n')).toHaveLength(1);
      expect(io.out()).toBe('');
    }
  });
});
