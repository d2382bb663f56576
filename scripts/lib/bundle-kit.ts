/**
 * The contract kit's JavaScript, as scripts/build-kit.ts writes it into a dist/ folder:
 * - dist/contract-tests/bin.js and cli.js: esbuild bundles of the CLI, split at its dynamic imports
 *   (each command, the report formatters, Prism's launcher load only when used) into chunks beside
 *   them. A run loads 24 files instead of 115: node compiles a few large files instead of
 *   resolving, reading and linking each module.
 * - dist/contract-tests/schema-validators.js: the validators a run of the bundled spec would compile
 *   at start-up (scripts/lib/kit-validators.ts), one minified module that
 *   contract-tests/validation/validator-source.ts imports from beside the chunk that holds it.
 * - dist/generated/*.cjs: the client's precompiled validators, minified, which
 *   src/validation/load-validators.ts requires on first use.
 * Every chunk sits in dist/contract-tests/, where its source's own folder was: what a module finds
 * from its import.meta.url (the spec in dist/openapi/, the kit's package.json) is where it was.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SPEC_PATH } from '../../contract-tests/spec-path.js';
import { SCHEMA_VALIDATORS_FILE } from '../../contract-tests/validation/validator-source.js';
import { asJsonParse, loaderInBundle, minifyValidators, specifierFrom, VALIDATOR_LOADER } from './bundle.js';
import { kitValidatorsModule } from './kit-validators.js';
import { listFiles } from './list-files.js';

/**
 * The generated data modules a run reads whole: the operation table and the spec's schemas, some
 * 250 KB of object literals. As one JSON text each, V8 scans a string and JSON.parse builds it,
 * instead of parsing and compiling it as code.
 */
const DATA_MODULES = /[\\/]generated[\\/](operations|schemas)\.ts$/;

/** The kit's dependencies a bundle imports rather than carries, with their subpaths. */
async function installedBeside(root: string): Promise<string[]> {
  const { dependencies } = JSON.parse(await readFile(join(root, 'contract-tests/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return Object.keys(dependencies)
    .filter((name) => name !== 'openapi-fetch')
    .flatMap((name) => [name, `${name}/*`]);
}

/** The package a bare specifier names (`@scope/name` or `name`); undefined for a node builtin. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Bundles the CLI from `root`'s sources into `dist`/contract-tests; the validators are required from `dist`/generated. */
export async function bundleKit(root: string, dist: string): Promise<string[]> {
  const outdir = join(dist, 'contract-tests');
  const fromChunk = `${specifierFrom(outdir, join(dist, 'generated'))}/`;
  const external = await installedBeside(root);
  const result = await build({
    entryPoints: { bin: join(root, 'contract-tests/bin.ts'), cli: join(root, 'contract-tests/cli.ts') },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The kit's dependencies (Ajv, Prism, the YAML parsers) are installed beside it; openapi-fetch is
    // carried inside, as in the client's bundles: resolving it as a package of its own costs a run
    // a package.json lookup and one more module to compile and link.
    external,
    // Whitespace and syntax only: identifiers are not minified, so a function keeps its name unless
    // joining the modules renames it to avoid a collision (a handful, e.g. printable2 in a stack
    // trace); every error class sets its name itself. Not keepNames: it wraps every function and
    // closure the code creates in a naming call, which a run pays on every request.
    minifyWhitespace: true,
    minifySyntax: true,
    lineLimit: 160,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'kit-data-and-validators',
        setup(b) {
          // Only what the kit's package.json promises is reached: anything else (a devDependency) would work here and fail installed.
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = packageName(args.path);
            return name === undefined || name === 'openapi-fetch' || external.includes(name)
              ? undefined
              : { errors: [{ text: `${args.path} (imported by ${args.importer}) is not a dependency of the contract kit` }] };
          });
          b.onLoad({ filter: VALIDATOR_LOADER }, async (args) => ({ contents: await loaderInBundle(args.path, fromChunk), loader: 'ts' }));
          b.onLoad({ filter: DATA_MODULES }, async (args) => ({ contents: await asJsonParse(args.path), loader: 'js' }));
        },
      },
    ],
  });
  return Object.keys(result.metafile.outputs);
}

/** Writes the kit's precompiled validators, one minified module with the number formats inside; returns how many. */
export async function writeKitValidators(root: string, dist: string): Promise<number> {
  const resolveDir = join(root, 'contract-tests');
  const { code, count } = kitValidatorsModule(specifierFrom(resolveDir, root));
  await build({
    stdin: { contents: code, resolveDir, sourcefile: SCHEMA_VALIDATORS_FILE, loader: 'js' },
    outfile: join(dist, 'contract-tests', SCHEMA_VALIDATORS_FILE),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Ajv's code, over a megabyte, never read by a user: every run parses it.
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return count;
}

/** The client's precompiled validators (CommonJS, required on first use), minified into `dist`/generated. */
export async function copyGeneratedValidators(root: string, dist: string): Promise<void> {
  const commonJs = (await listFiles(join(root, 'generated'))).filter((f) => f.endsWith('.cjs'));
  await minifyValidators(commonJs.map((f) => ({ from: join(root, 'generated', f), to: join(dist, 'generated', f) })));
}

/** Everything the kit's dist/ holds, built from `root` into `dist` (which is expected empty); the counts for the build's log. */
export async function buildKit(root: string, dist: string): Promise<{ files: number; validators: number }> {
  const files = await bundleKit(root, dist);
  const validators = await writeKitValidators(root, dist);
  await copyGeneratedValidators(root, dist);
  // The spec and the vendor's example responses at their paths in the repository: the CLI finds them the same way from either.
  await cp(join(root, SPEC_PATH), join(dist, SPEC_PATH));
  await cp(join(root, 'openapi/docs-examples'), join(dist, 'openapi/docs-examples'), { recursive: true });
  return { files: files.length, validators };
}
