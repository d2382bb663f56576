/**
 * Starts and stops a Prism mock of the spec on a free loopback port. Nothing is assumed running:
 * every caller (the e2e test, the contract suite, `npm run mock`) gets its own process. Prism is
 * a dev dependency: an installed package may not have it, and then says so in one sentence.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface PrismOptions {
  spec: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Dynamic responses generated from the schemas, seeded so every run returns the same bodies.
   * The static mode answers with examples and `"string"` placeholders that break the spec's own
   * patterns; seeded dynamic mode gives valid bodies, reproducibly.
   */
  seed?: number;
  /** Milliseconds to wait for Prism to listen. */
  startTimeoutMs?: number;
  /** Directory of the caller's project: its node_modules is searched for Prism first. */
  cwd?: string;
}

export interface PrismHandle {
  url: string;
  /** The Prism process's id (the bench reads its CPU time apart from the suite's). */
  pid: number | undefined;
  /** Everything Prism printed, for showing on failure. */
  output(): string;
  stop(): Promise<void>;
}

export const DEFAULT_PRISM_SEED = 1;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const PRISM_PACKAGE = '@stoplight/prism-cli';

export class PrismMissingError extends Error {
  override name = 'PrismMissingError';
  constructor() {
    super(
      `the Prism mock needs ${PRISM_PACKAGE}, which is not installed: run \`npm install --save-dev ${PRISM_PACKAGE}@5.14.2\`, or check a running server with --target <url>`,
    );
  }
}

/** Prism's CLI script, looked up from the caller's project first, then from this package. */
function prismEntry(from: readonly string[]): string {
  let pkgPath: string | undefined;
  for (const base of from) {
    try {
      pkgPath = createRequire(base).resolve(`${PRISM_PACKAGE}/package.json`);
      break;
    } catch {
      // not installed there: try the next place
    }
  }
  if (!pkgPath) throw new PrismMissingError();
  const require = createRequire(pkgPath);
  const pkg = require(pkgPath) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['prism'] ?? Object.values(pkg.bin)[0] ?? '');
  return join(dirname(pkgPath), bin);
}

export async function startPrism({
  spec,
  port = 0,
  seed = DEFAULT_PRISM_SEED,
  startTimeoutMs = 60_000,
  cwd,
}: PrismOptions): Promise<PrismHandle> {
  const entry = prismEntry([...(cwd ? [join(cwd, 'package.json')] : []), import.meta.url]);
  const chosen = port || (await freePort());
  const args = [
    entry,
    'mock',
    spec,
    '-h',
    '127.0.0.1',
    '-p',
    String(chosen),
    '-d',
    '--seed',
    String(seed),
    '--json-schema-faker-fillProperties=false',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${chosen}`;
  const handle: PrismHandle = { url, pid: child.pid, output: () => log, stop: () => stopChild(child) };
  try {
    await waitForListening(child, () => log, startTimeoutMs);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}

function waitForListening(child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (/Prism is listening/.test(log())) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`Prism exited (code ${child.exitCode}) before listening:\n${log().slice(-2000)}`));
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${log().slice(-2000)}`));
      }
    }, 50);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
