/** Shared by the contract engine's tests: an in-memory Io and engine configs. */
import type { Io } from '../../contract-tests/commands/io.js';
import type { EngineConfig } from '../../contract-tests/engine/config.js';

import { FIXTURE_KEYS } from '../../contract-tests/fixtures/lying-server.js';

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
