/**
 * The client package's JavaScript, bundled from src/index.ts once per module format, and its
 * declarations written once:
 * - dist/index.js (ES module) and dist/cjs/index.cjs (CommonJS): esbuild bundles, so importing the
 *   client loads one file instead of some fifty. The validator modules the client imports on first
 *   use (`import()`) stay out of both: each bundle imports the minified ES modules in
 *   dist/generated/, which CommonJS may do with `import()` on every Node version the package supports.
 * - dist/src/**.d.ts: tsc's declarations, the one set of types; dist/cjs/index.d.cts re-exports them
 *   under `resolution-mode: import`, each value as a `typeof` and each type by name, so TypeScript
 *   sees the same types whichever way a project loads the package.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { build, transform } from 'esbuild';
import ts from 'typescript';

/** Bundles src/index.ts into `outFile`; dynamic imports of generated/ resolve to the ES modules under `esmDir`. */
export async function bundleClient(root: string, esmDir: string, outFile: string, format: 'esm' | 'cjs'): Promise<void> {
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
    // The ES module bundle imports openapi-fetch, the package's one dependency. The CommonJS bundle
    // carries it, from its ES module build: openapi-fetch's CommonJS build has no __esModule mark,
    // so a default import from it would get the module object instead of createClient.
    ...(format === 'esm' ? { external: ['openapi-fetch'] } : {}),
    logLevel: 'silent',
    plugins: [
      {
        name: 'lazy-modules-stay-es-modules',
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) => {
            // The webhook validators are imported statically (verifyWebhook is synchronous): bundle
            // the minified ES build of them rather than compiling the generated source again.
            if (args.kind !== 'dynamic-import' && /(^|\/)webhook-validators\.js$/.test(args.path)) {
              const source = resolve(args.resolveDir, args.path);
              return { path: resolve(esmDir, relative(root, source)) };
            }
            if (args.kind !== 'dynamic-import') return undefined;
            const source = resolve(args.resolveDir, args.path);
            const esm = join(esmDir, relative(root, source));
            let path = relative(dirname(outFile), esm).split('\\').join('/');
            if (!path.startsWith('.')) path = `./${path}`;
            return { path, external: true };
          });
        },
      },
    ],
  });
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
 * Minifies the precompiled validators in place. They are Ajv's generated code, never read or
 * stepped through by a user, and most of the package's weight: whitespace and local names go.
 */
export async function minifyValidators(files: string[]): Promise<void> {
  for (const file of files) {
    const { code } = await transform(await readFile(file, 'utf8'), {
      minify: true,
      format: 'esm',
      target: 'node20',
      legalComments: 'none',
    });
    await writeFile(file, code);
  }
}
