/**
 * check:pack for the contract kit (fungies-contract): installed alone into an empty project, with
 * no other install step, its CLI runs the suite against its own Prism mock, serves that mock,
 * checks a shipped example, prints its version, checks against a spec given with --spec (and refuses
 * a hostile one), and catches every lie of the fixture server.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LIE_RULES, LIED_OPERATION, type LieName, startLyingServer } from '../../contract-tests/fixtures/lying-server.js';
import { widgetSpec } from '../../contract-tests/fixtures/widget-spec.js';
import { ScriptError } from './cli.js';
import { exec, npm, type Packed, step } from './pack-step.js';

/** A lie of the fixture server and the rule that names it in the report. */
const CAUGHT = Object.entries(LIE_RULES) as [LieName, string][];

/** Runs the installed `fungies-contract` as npx does, through node_modules/.bin; exit code and output come back whatever the code. */
async function contractCli(app: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(join(app, 'node_modules/.bin/fungies-contract'), args, {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 180_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** Runs each argv through the installed kit's `main` (what its bin calls) in one node process; exit code and output of each come back. */
async function installedMain(app: string, runs: string[][], env: Record<string, string>): Promise<{ code: number; out: string }[]> {
  await writeFile(join(app, 'main-runs.mjs'), MAIN_RUNS);
  const { stdout } = await step(`Running the installed kit's main ${runs.length} times in one process`, () =>
    exec(process.execPath, ['main-runs.mjs', JSON.stringify(runs)], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return JSON.parse(stdout) as { code: number; out: string }[];
}

/** The child of installedMain: imports the CLI from the installed package, never from this repository. */
const MAIN_RUNS = `import { main } from 'fungies-contract/dist/contract-tests/cli.js';
const results = [];
for (const argv of JSON.parse(process.argv[2])) {
  let out = '';
  const write = (s) => { out += s; return true; };
  const io = { stdout: { write, isTTY: false }, stderr: { write, isTTY: false }, env: process.env, cwd: process.cwd(), readStdin: async () => '' };
  results.push({ code: await main(argv, io), out });
}
process.stdout.write(JSON.stringify(results));
`;

function expectCli(label: string, got: { code: number; out: string }, code: number, text: RegExp): void {
  if (got.code !== code || !text.test(got.out))
    throw new ScriptError(`✘ ${label}: expected exit ${code} and ${text}, got exit ${got.code}:\n${got.out.slice(-2000)}`);
  console.log(`✔ ${label}`);
}

/** `fungies-contract mock` prints its URL, answers on it, and stops cleanly on SIGINT. */
async function checkMock(app: string): Promise<void> {
  const child = spawn(join(app, 'node_modules/.bin/fungies-contract'), ['mock'], { cwd: app, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const found = /FUNGIES_BASE_URL=(\S+)/.exec(out)?.[1];
        if (found || Date.now() - started > 90_000 || child.exitCode !== null) {
          clearInterval(poll);
          found ? resolve(found) : reject(new ScriptError(`✘ fungies-contract mock printed no URL:\n${out.slice(-2000)}`));
        }
      }, 100);
    });
    const key = /FUNGIES_PUBLIC_KEY=(\S+)/.exec(out)?.[1] ?? '';
    const res = await fetch(`${url}/v0/orders/list`, { headers: { 'x-fngs-public-key': key }, signal: AbortSignal.timeout(30_000) });
    if (res.status !== 200)
      throw new ScriptError(`✘ fungies-contract mock answered ${res.status} for /v0/orders/list with the keys it printed`);
    await res.body?.cancel();
  } finally {
    child.kill('SIGINT');
  }
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
  if (code !== 0)
    throw new ScriptError(`✘ fungies-contract mock did not stop cleanly on Ctrl-C (exit ${String(code)}):\n${out.slice(-2000)}`);
  console.log('✔ fungies-contract mock serves the spec with the keys it prints, and stops on Ctrl-C');
}

/** `--spec`: the installed kit reads, checks and runs another spec (its rules' dependencies installed with it), and refuses a hostile one. */
async function checkSpecOption(app: string): Promise<void> {
  await writeFile(join(app, 'widgets.json'), JSON.stringify(widgetSpec()));
  await writeFile(join(app, 'hostile.json'), JSON.stringify(widgetSpec({ type: 'string', pattern: '^(a+)+$' })));
  expectCli(
    'fungies-contract list --spec lists the operations of the spec given',
    await contractCli(app, ['list', '--spec', 'widgets.json']),
    0,
    /GetV0WidgetsList/,
  );
  expectCli(
    'fungies-contract run --spec against its own Prism mock of that spec, named with its sha256',
    await contractCli(app, ['run', '--spec', 'widgets.json']),
    0,
    /spec Widgets 9\.9\.9, widgets\.json sha256 [0-9a-f]{64}[\s\S]*✔ \d+ checks passed/,
  );
  expectCli(
    'fungies-contract run --spec refuses a catastrophic pattern in one line, before any request',
    await contractCli(app, ['run', '--spec', 'hostile.json']),
    2,
    /#\/components\/schemas\/Widget\/properties\/name\/pattern: pattern .* can backtrack catastrophically/,
  );
}

export async function checkKitPackage(work: string, packed: Packed, version: string): Promise<void> {
  const app = join(work, 'kit-app');
  await exec('mkdir', ['-p', app]);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'kit-consumer', private: true }));
  await step('Installing the contract kit tarball into an empty project (its Prism mock included)', () =>
    exec(npm, ['install', '--no-audit', '--no-fund', packed.tarball], { cwd: app, timeout: 300_000 }),
  );
  expectCli(
    'fungies-contract --version is the version both packages share',
    await contractCli(app, ['--version']),
    0,
    new RegExp(`^${version.replaceAll('.', '\\.')}\\n$`),
  );
  expectCli('fungies-contract --help', await contractCli(app, ['--help']), 0, /Exit codes/);
  // The example the --help text names, from where the installed package puts it (the vendor's own example breaks the pattern).
  expectCli(
    'fungies-contract check with the shipped example',
    await contractCli(app, [
      'check',
      LIED_OPERATION,
      '200',
      'node_modules/fungies-contract/dist/openapi/docs-examples/cancel-order.200.docs-example.json',
    ]),
    1,
    /\/data\/order\/number: pattern/,
  );
  expectCli(
    'fungies-contract run against its own Prism mock, no other install step',
    await contractCli(app, ['run', '--operation', 'orders']),
    0,
    /✔ \d+ checks passed/,
  );
  await checkMock(app);
  await checkSpecOption(app);
  const server = await startLyingServer();
  try {
    const keys = { FUNGIES_PUBLIC_KEY: 'pub_LyingFixtureKey123', FUNGIES_SECRET_KEY: 'sec_LyingFixtureKey123' };
    expectCli(
      'fungies-contract run against an honest server',
      await contractCli(app, ['run', '--target', server.url('honest'), '--allow-writes'], keys),
      0,
      /✔ \d+ checks passed/,
    );
    // One lie per check category, each caught by name by the installed kit: its CLI entry point
    // (main, as the bin calls it) run once per lie in one process, which costs one start-up, not one each.
    const runs = CAUGHT.map(([lie]) => [
      'run',
      '--target',
      server.url(lie),
      '--allow-writes',
      '--max-response-time',
      '250',
      '--operation',
      `${LIED_OPERATION},GetV0SubscriptionsList,users`,
    ]);
    const results = await installedMain(app, runs, keys);
    for (const [i, [lie, rule]] of CAUGHT.entries())
      expectCli(`fungies-contract run catches the lie ${lie}`, results[i] ?? { code: -1, out: 'no result' }, 1, new RegExp(`: ${rule}`));
  } finally {
    await server.close();
  }
}
