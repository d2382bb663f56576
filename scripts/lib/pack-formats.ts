/**
 * check:pack's module-format checks on the packed tarball: the published types are right for
 * every resolution mode (@arethetypeswrong/cli), and a consumer uses the resource methods, the
 * named types and `for await` from an ES module and from a CommonJS file.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const usage = (importLine: string) => `${importLine}
declare const process: { env: Record<string, string | undefined> };

async function main(): Promise<void> {
  const fungies = createFungies({ publicKey: 'pub_consumerKey', secretKey: 'sec_consumerKey', baseUrl: process.env.BASE_URL });
  const { order }: { order: Order } = await fungies.orders.get('#ABC123DEF456');
  const { data, response } = await fungies.orders.cancel('#ABC123DEF456').withResponse();
  const query: OrdersListQuery = { statuses: ['PAID'], archived: false };
  const listed: Order[] = [];
  for await (const item of fungies.orders.list(query)) {
    listed.push(item as Order);
    if (listed.length >= 3) break;
  }
  console.log(JSON.stringify({ numberIsValid: isOrderNumber(order.number), cancelStatus: response.status, cancelled: typeof data.order.id, listed: listed.length }));
}
// A misspelled body key must not compile in the installed types either.
const typeOnly = (_: unknown) => undefined;
// @ts-expect-error
typeOnly(() => createFungies({ publicKey: 'pub_x' }).discounts.create({ nmae: 'x' }));
main().catch((err: unknown) => {
  console.error(err);
  throw err;
});
`;

// The same source is compiled as .mts (an ES module) and .cts (CommonJS: the import becomes require()).
const CONSUMER = usage(`import { createFungies, isOrderNumber, type Order, type OrdersListQuery } from 'fungies-openapi';`);

export interface FormatCheckContext {
  root: string;
  tarball: string;
  /** A project where the tarball is installed. */
  app: string;
  step: <T>(label: string, run: () => Promise<T>) => Promise<T>;
}

/** Runs @arethetypeswrong/cli on the tarball; fails on any problem it reports. */
export async function checkPublishedTypes({ root, tarball, step }: FormatCheckContext): Promise<void> {
  // The CLI exports no entry point; its bin is found beside its package.json.
  const pkg = createRequire(join(root, 'package.json')).resolve('@arethetypeswrong/cli/package.json');
  const attw = join(dirname(pkg), (JSON.parse(await readFile(pkg, 'utf8')) as { bin: { attw: string } }).bin.attw);
  await step('Checking the published types for every resolution mode (arethetypeswrong)', () =>
    exec(process.execPath, [attw, tarball, '--format', 'table-flipped'], { cwd: root }),
  );
}

/** A consumer's strict settings: with skipLibCheck off and no @types, the package's own .d.ts must compile alone. */
export const CONSUMER_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  outDir: 'out',
  skipLibCheck: false,
  types: [],
};

/**
 * Writes an .mts and a .cts consumer into `formats/` of the consumer project, so the project's one
 * tsc run (which includes every TypeScript file under it) type-checks and compiles them with the rest.
 */
export async function writeFormatConsumers(app: string): Promise<void> {
  const dir = join(app, 'formats');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'esm.mts'), CONSUMER);
  await writeFile(join(dir, 'cjs.cts'), CONSUMER);
}

/** Runs the compiled ES module and CommonJS consumers against Prism. */
export async function checkModuleFormats({ app, step }: FormatCheckContext, baseUrl: string): Promise<string[]> {
  const outputs: string[] = [];
  for (const file of ['out/formats/esm.mjs', 'out/formats/cjs.cjs']) {
    const run = await step(`Running ${file} against Prism (resource methods, named types, for await)`, () =>
      exec(process.execPath, [file], { cwd: app, env: { ...process.env, BASE_URL: baseUrl }, timeout: 60_000 }),
    );
    const result = JSON.parse(run.stdout) as { numberIsValid?: boolean; cancelStatus?: number };
    if (result.numberIsValid !== true || result.cancelStatus !== 200) throw new Error(`unexpected output from ${file}: ${run.stdout}`);
    outputs.push(`${file}: ${run.stdout.trim()}`);
  }
  return outputs;
}
