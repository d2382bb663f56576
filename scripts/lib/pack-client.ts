/**
 * check:pack for the client package (fungies-openapi): installed alone into an empty project, it
 * type-checks and runs a consumer from an ES module and from CommonJS, its published types pass
 * arethetypeswrong, and its node_modules holds nothing a merchant's process does not run.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ScriptError } from './cli.js';
import { CONSUMER_COMPILER_OPTIONS, checkModuleFormats, checkPublishedTypes, writeFormatConsumers } from './pack-formats.js';
import { exec, npm, type Packed, step } from './pack-step.js';

const CONSUMER = `import { createFungiesClient, unwrap, isOrderNumber } from 'fungies-openapi';
declare const process: { env: Record<string, string | undefined> };

// validateResponses loads the precompiled validators: they must run without any schema compiler installed.
const client = createFungiesClient({ publicKey: 'pub_consumerKey', secretKey: 'sec_consumerKey', baseUrl: process.env.BASE_URL, validateResponses: true });
const { data } = await unwrap(client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} }));
const status: 'PENDING' | 'PAID' | 'FAILED' | 'UNPAID' | 'CANCELLED' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'EXPIRED' = data.order.status;
console.log(JSON.stringify({ status, numberIsValid: isOrderNumber(data.order.number) }));
// The installed types are live: a path the spec lacks must not compile.
const typeOnly = (_: unknown) => undefined;
// @ts-expect-error
typeOnly(() => client.PATCH('/v0/orders/{orderIdOrNumber}/cancle', { params: { path: { orderIdOrNumber: '#A' } }, body: {} }));
`;

/** What only the contract kit needs; finding any of it in a client install is a packaging defect. */
const KIT_ONLY = [
  { what: 'the contract CLI', test: (path: string) => /(^|\/)fungies-contract(\/|$)/.test(path) || path.endsWith('.bin/fungies-contract') },
  { what: 'the spec YAML', test: (path: string) => /\.ya?ml$/.test(path) && path.includes('fungies-openapi') },
  { what: 'a schema compiler (Ajv)', test: (path: string) => /(^|\/)ajv(-formats)?\/package\.json$/.test(path) },
  { what: 'the Prism mock', test: (path: string) => path.includes('@stoplight/') },
];

async function listTree(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = full.slice(base.length + 1);
    if (entry.isDirectory()) out.push(...(await listTree(full, base)));
    else out.push(rel);
  }
  return out;
}

export async function checkClientPackage(root: string, work: string, packed: Packed, prismUrl: string): Promise<void> {
  const app = join(work, 'client-app');
  await exec('mkdir', ['-p', app]);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await writeFile(join(app, 'index.ts'), CONSUMER);
  const readmeText = await readFile(join(root, 'README.md'), 'utf8');
  await writeFile(join(app, 'readme.ts'), readmeExample(readmeText));
  await writeFile(join(app, 'readme-webhook.ts'), readmeWebhook(readmeText));
  await writeFormatConsumers(app);
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS }));
  await step('Installing the client tarball into an empty project', () =>
    exec(npm, ['install', '--no-audit', '--no-fund', packed.tarball], { cwd: app }),
  );
  const installed = await listTree(join(app, 'node_modules'));
  for (const { what, test } of KIT_ONLY) {
    const found = installed.filter(test);
    if (found.length > 0) throw new ScriptError(`✘ the client install holds ${what}: ${found.slice(0, 3).join(', ')}`);
  }
  const pkg = JSON.parse(await readFile(join(app, 'node_modules/fungies-openapi/package.json'), 'utf8')) as Record<string, unknown>;
  if ('bin' in pkg) throw new ScriptError('✘ the client package declares a bin: the CLI belongs to the contract kit');
  console.log(`✔ the client install holds no CLI, spec YAML, schema compiler or mock (${installed.length} files in node_modules)`);
  const formats = { root, tarball: packed.tarball, app, step };
  await checkPublishedTypes(formats);
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  // One program for every consumer file (the README's examples, the ES module and CommonJS ones):
  // checking the package's declarations is most of tsc's work, done once per setting.
  await step('Type-checking and compiling the consumers (a call, the README examples, an ES module and a CommonJS file)', () =>
    exec(process.execPath, [tsc, '-p', '.'], { cwd: app }),
  );
  // Not every consumer compiles with strict: the shipped declarations must hold up without it.
  await step('Type-checking the same consumers without strict', () =>
    exec(process.execPath, [tsc, '-p', '.', '--strict', 'false', '--noEmit'], { cwd: app }),
  );
  const run = await step('Cancelling an order against Prism from the consumer, responses validated', () =>
    exec(process.execPath, ['out/index.js'], { cwd: app, env: { ...process.env, BASE_URL: prismUrl } }),
  );
  const result = JSON.parse(run.stdout) as { numberIsValid: boolean };
  if (!result.numberIsValid) throw new ScriptError(`✘ unexpected consumer output: ${run.stdout}`);
  console.log(`✔ the client package installs, type-checks and works: ${run.stdout.trim()}`);
  const readme = await withOneListPage(prismUrl, (url) =>
    step("Running the README's first example from the installed package", () =>
      exec(process.execPath, ['out/readme.js'], {
        cwd: app,
        env: { ...process.env, BASE_URL: url, FUNGIES_PUBLIC_KEY: 'pub_readmeKey', FUNGIES_SECRET_KEY: 'sec_readmeKey' },
      }),
    ),
  );
  console.log(`✔ the README's first example runs: ${readme.stdout.trim().split('\n').join(' | ')}`);
  const event = await readFile(join(root, 'openapi/docs-examples/webhooks/payment_success.docs-example.json'), 'utf8');
  const webhook = await step("Running the README's webhook handler on a signed payment_success delivery", () =>
    exec(process.execPath, ['out/readme-webhook.js'], {
      cwd: app,
      env: { ...process.env, EVENT: event, FUNGIES_WEBHOOK_SECRET: 'whsec_readme' },
    }),
  );
  if (!webhook.stdout.startsWith('fulfil order ')) throw new ScriptError(`✘ the README's webhook handler printed: ${webhook.stdout}`);
  console.log(`✔ the README's webhook handler runs: ${webhook.stdout.trim()}`);
  for (const line of await checkModuleFormats(formats, prismUrl)) console.log(`✔ ${line}`);
}

/**
 * The README's first TypeScript block as a merchant copies it, pointed at the mock: its one change
 * is a `baseUrl` from BASE_URL (and a declaration of `process`, as the consumer has no node types).
 */
function readmeExample(readme: string): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block?.includes('createFungies({'))
    throw new ScriptError("✘ README.md's first ts block no longer calls createFungies({: update pack-client.ts");
  return `declare const process: { env: Record<string, string | undefined> };\n${block.replace('createFungies({', 'createFungies({ baseUrl: process.env.BASE_URL,')}`;
}

/**
 * The README's webhook block, called once with a delivery signed as Fungies signs it. The consumer
 * has no node types: `Buffer` is the Uint8Array it extends.
 */
function readmeWebhook(readme: string): string {
  const block = /```ts\n[\s\S]*?```[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block?.includes('function onWebhook('))
    throw new ScriptError("✘ README.md's second ts block no longer defines onWebhook: update pack-client.ts");
  return [
    "import { signWebhook } from 'fungies-openapi';",
    'declare const process: { env: Record<string, string | undefined> };',
    'type Buffer = Uint8Array;',
    block,
    'const delivery = new TextEncoder().encode(process.env.EVENT!);',
    'onWebhook(delivery, signWebhook(delivery, process.env.FUNGIES_WEBHOOK_SECRET!));',
    '',
  ].join('\n');
}

/**
 * Prism answers every page of a list with the same example, which the client rightly refuses as a
 * list that does not move on; in front of it, this server ends each list after its first page.
 */
async function withOneListPage<T>(prismUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', prismUrl);
    const later = ['skip', 'page', 'cursor'].some((p) => url.searchParams.has(p) && url.searchParams.get(p) !== '0');
    if (req.method === 'GET' && url.pathname === '/v0/orders/list' && later) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: { orders: [], count: 0 } }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length')) as Record<
        string,
        string
      >;
      fetch(url, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        signal: AbortSignal.timeout(10_000),
      })
        .then(async (r) =>
          res
            .writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' })
            .end(Buffer.from(await r.arrayBuffer())),
        )
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    return await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
