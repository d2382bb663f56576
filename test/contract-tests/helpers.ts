/** Shared by the contract engine's tests: an in-memory Io, engine configs, a lying server and a temp folder per file, the usage-error check. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import type { Io } from '../../contract-tests/commands/io.js';
import type { EngineConfig } from '../../contract-tests/engine/config.js';

import { FIXTURE_KEYS, type LieName, type LyingServer, startLyingServer } from '../../contract-tests/fixtures/lying-server.js';

export const KEYS = FIXTURE_KEYS;

export function memoryIo(stdin = '', env: Record<string, string | undefined> = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env,
    cwd: process.cwd(),
    readStdin: async () => stdin,
    out: () => out,
    err: () => err,
  };
}

export function liveConfig(baseUrl: string, overrides: Partial<EngineConfig> = {}): EngineConfig {
  return { target: { baseUrl, ...KEYS, timeoutMs: 5000 }, kind: 'live', allowWrites: true, strict: false, ...overrides };
}

/** One lying server per test file, started before its tests and closed after them: call at the top of the file, read `.url(lie)` inside tests. */
export function useLyingServer(): Pick<LyingServer, 'url'> {
  let server: LyingServer | undefined;
  beforeAll(async () => {
    server = await startLyingServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    url(lie: LieName) {
      if (!server) throw new Error('the lying server is not started yet: call .url() inside a test');
      return server.url(lie);
    },
  };
}

/** One temporary folder per test file for the reports a run writes, removed after its tests: read `.dir` inside tests. */
export function useTempDir(prefix: string): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      if (!dir) throw new Error('the temp folder is not made yet: read .dir inside a test');
      return dir;
    },
  };
}

/** The CLI given these arguments exits 2 with one line on stderr, containing `message`. */
export async function expectUsageError(argv: string[], message: string): Promise<void> {
  const io = memoryIo();
  expect(await main(argv, io)).toBe(2);
  expect(io.err()).toContain(message);
  expect(io.err().trim().split('\n')).toHaveLength(1);
}
