/**
 * The client package's JavaScript, bundled from src/index.ts once per module format, and its
 * declarations written once:
 * - dist/index.js (ES module) and dist/cjs/index.cjs (CommonJS): esbuild bundles, so importing the
 *   client loads one file instead of some fifty. The precompiled validators stay out of both: they
 *   are CommonJS files in dist/generated/ that src/validation/load-validators.ts requires on first
 *   use, which a synchronous caller (verifyWebhook) can do from either format on every Node version
 *   the package supports.
 * - dist/src/**.d.ts: tsc's declarations, the one set of types; dist/cjs/index.d.cts re-exports them
 *   under `resolution-mode: import`, each value as a `typeof` and each type by name, so TypeScript
 *   sees the same types whichever way a project loads the package.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { build, transform } from 'esbuild';
import ts from 'typescript';

/**
 * generated/operations.ts: the operation table, some 60 KB of object literal. As code, V8 parses and
 * compiles all of it on every cold import; as one JSON text it is scanned as a string and built by
 * JSON.parse, which a cold ES module import measured 2 ms of CPU cheaper.
 */
const OPERATION_TABLE = /[\\/]generated[\\/]operations\.ts$/;

/** The module that requires the validators, and the path to generated/ it holds (relative to itself). */
export const VALIDATOR_LOADER = /[\\/]src[\\/]validation[\\/]load-validators\.ts$/;
const GENERATED_FROM_LOADER = "'../../generated/'";

/** The validator loader's source for a bundle, requiring the validators from `fromBundle` (relative to the bundle's file, ending in `/`). */
export async function loaderInBundle(path: string, fromBundle: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  if (!text.includes(GENERATED_FROM_LOADER)) throw new Error(`${path} no longer holds ${GENERATED_FROM_LOADER}`);
  return text.replace(GENERATED_FROM_LOADER, JSON.stringify(fromBundle));
}

/** `to` relative to the folder `fromDir`, as an import specifier: `./x` or `../x`, forward slashes. */
export function specifierFrom(fromDir: string, to: string): string {
  const path = relative(fromDir, to).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Bundles src/index.ts into `outFile`; the validators are required from `generatedDir` (dist/generated). */
export async function bundleClient(root: string, generatedDir: string, outFile: string, format: 'esm' | 'cjs'): Promise<void> {
  const fromBundle = specifierFrom(dirname(outFile), generatedDir);
  await build({
    entryPoints: [join(root, 'src/index.ts')],
    outfile: outFile,
    bundle: true,
    format,
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax only: names stay (keepNames), so stack traces still name the functions,
    // and lines stay short enough to read.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    lineLimit: 160,
    // Both bundles carry the parts of openapi-fetch the client uses, from its ES module build
    // (its CommonJS build has no __esModule mark, so a default import from it would get the module
    // object instead of createClient). Importing it as a package of its own cost a cold ES module
    // import about 4 ms of CPU: resolving the bare name through package.json files, a second file
    // compiled and linked. The dependency stays for its types, which the declarations import.
    // A CommonJS file has its own require: createRequire(import.meta.url) is that require (the
    // plugin below), so node:module is not loaded (in a CommonJS process that load also starts
    // node's ES module loader: 1 ms of CPU), and the transport's import('node:http') is a require
    // as well. import.meta.url, which a CommonJS file lacks, names the file with __filename.
    ...(format === 'cjs' ? { define: { 'import.meta.url': '__filename' }, supported: { 'dynamic-import': false } } : {}),
    logLevel: 'silent',
    plugins: [
      {
        name: 'validators-from-the-bundle',
        setup(b) {
          b.onLoad({ filter: VALIDATOR_LOADER }, async (args) => ({
            contents: await loaderInBundle(args.path, `${fromBundle}/`),
            loader: 'ts',
          }));
          b.onLoad({ filter: OPERATION_TABLE }, async (args) => ({ contents: await asJsonParse(args.path), loader: 'js' }));
          if (format === 'cjs') {
            b.onResolve({ filter: /^node:module$/ }, () => ({ path: 'node:module', namespace: 'own-require' }));
            b.onLoad({ filter: /.*/, namespace: 'own-require' }, () => ({
              contents: 'export const createRequire = () => require;',
              loader: 'js',
            }));
          }
        },
      },
    ],
  });
}

/**
 * A data-only module (its exports plain JSON values, no imports) rewritten so that each export is
 * `JSON.parse` of its JSON text. A value JSON cannot carry as it is (a function, undefined, a
 * Date) fails the build rather than change in the bundle.
 */
export async function asJsonParse(path: string): Promise<string> {
  const { code } = await transform(await readFile(path, 'utf8'), { loader: 'ts', format: 'esm' });
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
  const lines: string[] = [];
  for (const [name, value] of Object.entries(module)) {
    const json = JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
      throw new Error(`${path}: the export ${name} is not plain JSON data, so it cannot be bundled as JSON.parse`);
    }
    lines.push(`export const ${name} = JSON.parse(${JSON.stringify(json)});`);
  }
  return lines.join('\n');
}

/** Writes the CommonJS declaration file that re-exports `esmTypes` (an index.d.ts) export by export. */
export async function writeCommonJsTypes(esmTypes: string, outFile: string): Promise<void> {
  const program = ts.createProgram([esmTypes], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(esmTypes);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`no module symbol for ${esmTypes}`);
  let from = relative(dirname(outFile), esmTypes)
    .split('\\')
    .join('/')
    .replace(/\.d\.ts$/, '.js');
  if (!from.startsWith('.')) from = `./${from}`;
  const attributes = `with { 'resolution-mode': 'import' }`;
  const typesOnly: string[] = [];
  const lines: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const name = exported.name;
    const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0;
    const isType = (symbol.flags & ts.SymbolFlags.Type) !== 0;
    if (!isValue) {
      typesOnly.push(name);
      continue;
    }
    lines.push(`export declare const ${name}: typeof esm.${name};`);
    if (isType) {
      const declaration = symbol.declarations?.find(ts.isClassDeclaration);
      const params = declaration?.typeParameters ?? [];
      const list = params.length > 0 ? `<${params.map((p) => p.getText()).join(', ')}>` : '';
      const args = params.length > 0 ? `<${params.map((p) => p.name.getText()).join(', ')}>` : '';
      lines.push(`export type ${name}${list} = esm.${name}${args};`);
    }
  }
  const text = [
    '// The CommonJS view of the ES module declarations: one set of types for both ways of loading the package.',
    `import type * as esm from '${from}' ${attributes};`,
    `export type { ${typesOnly.join(', ')} } from '${from}' ${attributes};`,
    ...lines,
    '',
  ].join('\n');
  await writeFile(outFile, text);
}

/**
 * Writes the precompiled validators (CommonJS) minified from generated/ into dist/. They are Ajv's
 * generated code, never read or stepped through by a user, and most of the package's weight:
 * whitespace and local names go.
 */
export async function minifyValidators(files: { from: string; to: string }[]): Promise<void> {
  for (const { from, to } of files) {
    const { code } = await transform(await readFile(from, 'utf8'), { minify: true, target: 'node20', legalComments: 'none' });
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, code);
  }
}
