/**
 * npm run check:pack: builds and packs the package, installs the tarball into an empty project,
 * type-checks a consumer's call with the installed types, then runs that call against Prism.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ScriptError, runScript } from './lib/cli.js';
import { checkModuleFormats, checkPublishedTypes } from './lib/pack-formats.js';
import { startPrism } from './lib/prism.js';

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

await runScript(async () => {
  const root = process.cwd();
  const work = await mkdtemp(join(tmpdir(), 'fungies-pack-'));
  try {
    // No build step here: `npm pack` must build dist/ itself (prepack), as it would from a fresh clone.
    await rm(join(root, 'dist'), { recursive: true, force: true });
    const { stdout } = await step('Packing (prepack builds dist/)', () => exec(npm, ['pack', '--json', '--pack-destination', work], { cwd: root }));
    // The prepack build prints before npm's JSON report.
    const tarball = join(work, (JSON.parse(stdout.slice(stdout.search(/^\[/m))) as { filename: string }[])[0]?.filename ?? '');
    const app = join(work, 'app');
    await exec('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(join(app, 'index.ts'), CONSUMER);
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: [] } }),
    );
    await step('Installing the tarball into an empty project', () => exec(npm, ['install', '--no-audit', '--no-fund', tarball], { cwd: app }));
    const formats = { root, tarball, app, step };
    await checkPublishedTypes(formats);
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    await step('Type-checking and compiling a consumer call', () => exec(process.execPath, [tsc, '-p', '.'], { cwd: app }));
    // Not every consumer compiles with strict: the shipped declarations must hold up without it.
    await step('Type-checking the same call without strict', () => exec(process.execPath, [tsc, '-p', '.', '--strict', 'false', '--noEmit'], { cwd: app }));
    const prism = await startPrism({ spec: join(root, 'openapi/api-docs.yaml') });
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
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
