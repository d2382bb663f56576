// The contract kit as its build writes it (bundled CLI, precompiled validators): what it imports, how it
// carries the spec's data, and that it plans, checks and reports exactly as the TypeScript source does.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS, LIED_OPERATION, type LyingServer, startLyingServer } from '../../contract-tests/fixtures/lying-server.js';
import { buildKit } from '../../scripts/lib/bundle-kit.js';

const run = promisify(execFile);

interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI entry (the source through tsx, or the bundle) with `args`; exit code and output come back whatever the code. */
async function cli(entry: string[], args: string[], env: Record<string, string> = {}): Promise<Cli> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...entry, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const SOURCE = ['--import', 'tsx', 'contract-tests/bin.ts'];

/** What a report says about each check, without what varies from run to run: timings, ports, ids the server made up, list contents. */
function findings(reportText: string) {
  const report = JSON.parse(reportText) as { checks: { id: string; outcome: string; reason?: string; findings: unknown[] }[] };
  const stable = (text: string) =>
    text
      .replace(/127\.0\.0\.1:\d+/g, 'HOST')
      .replace(/\b(?!00000000-)[0-9a-f]{8}-[0-9a-f-]{0,27}/g, '<id>')
      .replace(/(#|%23)[0-9A-F]{12}/g, '$1<n>');
  return report.checks
    .map((c) => ({ id: c.id, outcome: c.outcome, reason: c.reason, findings: JSON.parse(stable(JSON.stringify(c.findings))) as unknown }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('the contract kit as built', { timeout: 180_000 }, () => {
  let dir: string;
  let bin: string[];
  let server: LyingServer;
  beforeAll(async () => {
    // Inside the repository: the bundle imports the kit's dependencies from node_modules/, as installed.
    await mkdir('.tmp', { recursive: true });
    dir = await mkdtemp(resolve('.tmp', 'kit-build-'));
    await buildKit('.', join(dir, 'dist'));
    // The installed package's layout: package.json two folders above the CLI (its version).
    await copyFile('contract-tests/package.json', join(dir, 'package.json'));
    bin = [join(dir, 'dist/contract-tests/bin.js')];
    server = await startLyingServer();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("imports only node builtins, the kit's dependencies and its own files", async () => {
    const { dependencies } = JSON.parse(await readFile('contract-tests/package.json', 'utf8')) as { dependencies: Record<string, string> };
    const folder = join(dir, 'dist/contract-tests');
    const files = (await readdir(folder)).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeLessThan(60);
    const outside = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(folder, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\(?)\s*["']([^"'\s{}:]+|node:[\w/]+)["']/g)) {
        if (specifier!.startsWith('node:')) continue;
        if (specifier!.startsWith('./')) expect(files, `${file} imports ${specifier}`).toContain(specifier!.slice(2));
        else outside.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
      }
    }
    expect([...outside].filter((name) => !(name in dependencies))).toEqual([]);
    expect(outside.has('ajv')).toBe(true);
    // Carried inside, as in the client's bundles.
    expect(outside.has('openapi-fetch')).toBe(false);
  });

  it('carries the operation table and the spec schemas as JSON texts, not as code', async () => {
    const folder = join(dir, 'dist/contract-tests');
    const texts = await Promise.all((await readdir(folder)).map((f) => readFile(join(folder, f), 'utf8')));
    // Lines are cut at 160 characters, strings with a line continuation: read as one line.
    const all = texts.join('').replaceAll('\\\n', '').replaceAll('\n', '');
    expect(all.includes('summary:"Get discount details"')).toBe(false);
    expect(all).toMatch(/operations\s*=\s*JSON\.parse\(/);
    expect(all).toMatch(/schemaDocument\s*=\s*JSON\.parse\(/);
  });

  it('prints its version, and plans the same checks as the source', async () => {
    expect(await cli(bin, ['--version'])).toMatchObject({
      code: 0,
      stdout: `${(JSON.parse(await readFile('contract-tests/package.json', 'utf8')) as { version: string }).version}\n`,
    });
    const [fromSource, built] = await Promise.all([
      cli(SOURCE, ['list', '--json', '--seed', '3']),
      cli(bin, ['list', '--json', '--seed', '3']),
    ]);
    expect(built.code).toBe(0);
    expect(built.stdout.length).toBeGreaterThan(1000);
    expect(built.stdout).toBe(fromSource.stdout);
  });

  it('judges a saved response as the source does', async () => {
    const example = 'openapi/docs-examples/cancel-order.200.docs-example.json';
    const [fromSource, built] = await Promise.all([
      cli(SOURCE, ['check', LIED_OPERATION, '200', example]),
      cli([...bin], ['check', LIED_OPERATION, '200', join(dir, 'dist', example)]),
    ]);
    expect(built.code).toBe(1);
    expect(built.stdout).toMatch(/\/data\/order\/number: pattern/);
    expect(built.stdout.replaceAll(join(dir, 'dist', example), example)).toBe(fromSource.stdout);
  });

  it('checks a lying server with the same findings as the source', async () => {
    const keys = { FUNGIES_PUBLIC_KEY: FIXTURE_KEYS.publicKey, FUNGIES_SECRET_KEY: FIXTURE_KEYS.secretKey };
    const reports: string[] = [];
    for (const [i, entry] of [SOURCE, bin].entries()) {
      const json = join(dir, `report-${i}.json`);
      const args = ['run', '--target', server.url('wrong-type'), '--allow-writes', '--seed', '5', '--operation', 'orders,users'];
      const result = await cli(entry, [...args, '--json', json], keys);
      expect(result.code, result.stderr).toBe(1);
      reports.push(await readFile(json, 'utf8'));
    }
    const [fromSource, built] = reports.map(findings);
    expect(built).toEqual(fromSource);
    expect(built!.filter((c) => c.outcome === 'failed').length).toBeGreaterThan(0);
    expect(built!.filter((c) => c.outcome === 'passed').length).toBeGreaterThan(20);
  });
});
