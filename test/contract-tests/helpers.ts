/** Shared by the contract engine's tests: an in-memory Io, engine configs and the lying server per file. */
import { afterAll, beforeAll } from 'vitest';
import type { Io } from '../../contract-tests/commands/io.js';
import type { EngineConfig } from '../../contract-tests/engine/config.js';

import { FIXTURE_KEYS, startLyingServer, type LieName, type LyingServer } from '../../contract-tests/fixtures/lying-server.js';

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
