/**
 * npm run check:pack: builds and packs the package, installs the tarball into an empty project,
 * type-checks a consumer's call with the installed types, then runs that call against Prism, and
 * runs the installed fungies-contract CLI as an integrator would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LIE_RULES, LIED_OPERATION, type LieName, startLyingServer } from '../contract-tests/fixtures/lying-server.js';
import { startPrism } from '../contract-tests/prism.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript, ScriptError } from './lib/cli.js';
import { CONSUMER_COMPILER_OPTIONS, checkModuleFormats, checkPublishedTypes } from './lib/pack-formats.js';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const CONSUMER = `import { createFungiesClient, unwrap, isOrderNumber } from 'fungies-openapi';
declare const process: { env: Record<string, string | undefined> };

const client = createFungiesClient({ publicKey: 'pub_consumerKey', secretKey: 'sec_consumerKey', baseUrl: process.env.BASE_URL });
const { data } = await unwrap(client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} }));
const status: 'PENDING' | 'PAID' | 'FAILED' | 'UNPAID' | 'CANCELLED' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'EXPIRED' = data.order.status;
console.log(JSON.stringify({ status, numberIsValid: isOrderNumber(data.order.number) }));
// The installed types are live: a path the spec lacks must not compile.
const typeOnly = (_: unknown) => undefined;
// @ts-expect-error
typeOnly(() => client.PATCH('/v0/orders/{orderIdOrNumber}/cancle', { params: { path: { orderIdOrNumber: '#A' } }, body: {} }));
`;

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  console.log(`==> ${label}`);
  try {
    return await run();
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new ScriptError(`✘ ${label} failed:\n${`${stdout}\n${stderr}`.trim().slice(-3000)}`);
  }
}

/** A lie of the fixture server and the rule that names it in the report. */
const CAUGHT = Object.entries(LIE_RULES) as [LieName, string][];

/** Runs the installed `fungies-contract` bin in `app`; exit code and output come back whatever the code. */
async function contractCli(app: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      [join(app, 'node_modules/fungies-openapi/dist/contract-tests/bin.js'), ...args],
      { cwd: app, env: { ...process.env, NO_COLOR: '1', ...env } },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

function expectCli(label: string, got: { code: number; out: string }, code: number, text: RegExp): void {
  if (got.code !== code || !text.test(got.out))
    throw new ScriptError(`✘ ${label}: expected exit ${code} and ${text}, got exit ${got.code}:\n${got.out.slice(-2000)}`);
  console.log(`✔ ${label}`);
}

/** The contract CLI from the installed tarball: help, check (no Prism), run against loopback servers, and the missing-Prism message. */
async function checkContractCli(app: string, root: string): Promise<void> {
  // `.bin/fungies-contract` is what npx runs: it must exist and be executable.
  await step('Finding the fungies-contract bin', () => exec(join(app, 'node_modules/.bin/fungies-contract'), ['--help'], { cwd: app }));
  expectCli('fungies-contract --help', await contractCli(app, ['--help']), 0, /Exit codes/);
  await writeFile(join(app, 'cancel-200.json'), await readFile(join(root, 'openapi/docs-examples/cancel-order.200.docs-example.json')));
  expectCli(
    'fungies-contract check (no Prism needed)',
    await contractCli(app, ['check', LIED_OPERATION, '200', 'cancel-200.json']),
    1,
    /\/data\/order\/number: pattern/,
  );
  expectCli(
    'fungies-contract run without Prism installed',
    await contractCli(app, ['run', '--operation', LIED_OPERATION]),
    2,
    /@stoplight\/prism-cli, which is not installed/,
  );
  const server = await startLyingServer();
  try {
    const keys = { FUNGIES_PUBLIC_KEY: 'pub_LyingFixtureKey123', FUNGIES_SECRET_KEY: 'sec_LyingFixtureKey123' };
    expectCli(
      'fungies-contract run against an honest server',
      await contractCli(app, ['run', '--target', server.url('honest'), '--allow-writes'], keys),
      0,
      /✔ \d+ checks passed/,
    );
    expectCli(
      'fungies-contract run against a lying server',
      await contractCli(app, ['run', '--target', server.url('all-body-lies'), '--allow-writes'], keys),
      1,
      /\/data\/order\/number: pattern/,
    );
    // One lie per check category, each caught by name from the installed CLI.
    for (const [lie, rule] of CAUGHT) {
      const args = [
        'run',
        '--target',
        server.url(lie),
        '--allow-writes',
        '--max-response-time',
        '250',
        '--operation',
        `${LIED_OPERATION},GetV0SubscriptionsList,users`,
      ];
      expectCli(`fungies-contract run catches the lie ${lie}`, await contractCli(app, args, keys), 1, new RegExp(`: ${rule}`));
    }
  } finally {
    await server.close();
  }
}

await runScript(async () => {
  const root = process.cwd();
  const work = await mkdtemp(join(tmpdir(), 'fungies-pack-'));
  try {
    // No build step here: `npm pack` must build dist/ itself (prepack), as it would from a fresh clone.
    await rm(join(root, 'dist'), { recursive: true, force: true });
    const { stdout } = await step('Packing (prepack builds dist/)', () =>
      exec(npm, ['pack', '--json', '--pack-destination', work], { cwd: root }),
    );
    // The prepack build prints before npm's JSON report.
    const tarball = join(work, (JSON.parse(stdout.slice(stdout.search(/^\[/m))) as { filename: string }[])[0]?.filename ?? '');
    const app = join(work, 'app');
    await exec('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(join(app, 'index.ts'), CONSUMER);
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS }));
    await step('Installing the tarball into an empty project', () =>
      exec(npm, ['install', '--no-audit', '--no-fund', tarball], { cwd: app }),
    );
    const formats = { root, tarball, app, step };
    await checkPublishedTypes(formats);
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    await step('Type-checking and compiling a consumer call', () => exec(process.execPath, [tsc, '-p', '.'], { cwd: app }));
    // Not every consumer compiles with strict: the shipped declarations must hold up without it.
    await step('Type-checking the same call without strict', () =>
      exec(process.execPath, [tsc, '-p', '.', '--strict', 'false', '--noEmit'], { cwd: app }),
    );
    const prism = await startPrism({ spec: join(root, SPEC_PATH) });
    try {
      const run = await step('Cancelling an order against Prism from the consumer', () =>
        exec(process.execPath, ['out/index.js'], { cwd: app, env: { ...process.env, BASE_URL: prism.url } }),
      );
      const result = JSON.parse(run.stdout) as { numberIsValid: boolean };
      if (!result.numberIsValid) throw new ScriptError(`✘ unexpected consumer output: ${run.stdout}`);
      console.log(`✔ the packed package installs, type-checks and works: ${run.stdout.trim()}`);
      for (const line of await checkModuleFormats(formats, prism.url)) console.log(`✔ ${line}`);
    } finally {
      await prism.stop();
    }
    await checkContractCli(app, root);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
