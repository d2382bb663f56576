/**
 * A contract run never needs node's fetch (undici: some 45 ms of CPU to load, with tls, http2 and
 * zlib): its requests go out on node:http and the client's answers are read by the suite, never used
 * as Responses. A fresh CLI process checking a target reads none of fetch's globals.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS, type LyingServer, startLyingServer } from '../../../contract-tests/fixtures/lying-server.js';

const run = promisify(execFile);

// Preloaded into the CLI's process: at exit, writes which of node's fetch globals were read.
const watcher = (out: string) => `
const NAMES = ['FormData', 'Headers', 'Request', 'Response', 'fetch'];
const read = new Set();
for (const name of NAMES) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: d.enumerable,
    get() { read.add(name); return d.get ? d.get.call(this) : d.value; },
    set(v) { Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable: d.enumerable }); },
  });
}
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify([...read].sort())));
`;

let server: LyingServer;
let dir: string;
beforeAll(async () => {
  server = await startLyingServer();
  dir = await mkdtemp(join(tmpdir(), 'fungies-fetch-unloaded-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a contract run and node's fetch", () => {
  it('checks a target, answers and refusals alike, without reading a fetch global', async () => {
    const preload = join(dir, 'watch.cjs');
    const out = join(dir, 'read.json');
    const report = join(dir, 'report.json');
    await writeFile(preload, watcher(out));
    const args = ['-r', preload, '--import', 'tsx', 'contract-tests/bin.ts', 'run', '--target', server.url('honest')];
    await run(process.execPath, [...args, '--operation', 'orders', '--allow-writes', '--seed', '1', '--json', report], {
      timeout: 120_000,
      env: { ...process.env, FUNGIES_PUBLIC_KEY: FIXTURE_KEYS.publicKey, FUNGIES_SECRET_KEY: FIXTURE_KEYS.secretKey },
    });
    type Check = { outcome: string; response?: { status: number } };
    const { checks } = JSON.parse(await readFile(report, 'utf8')) as { checks: Check[] };
    const answered = (from: number) => checks.filter((c) => c.outcome === 'passed' && Math.floor((c.response?.status ?? 0) / 100) === from);
    // Successes and the suite's refused requests (400, 401, 405) alike.
    expect(answered(2).length).toBeGreaterThan(3);
    expect(answered(4).length).toBeGreaterThan(3);
    expect(checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual([]);
  }, 150_000);
});
