/** The layering rule (which top-level folder may import which) and a scanner that lists the imports breaking it. */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Folder → the folders its files may import from. Lower layers never import higher ones:
 * generated/ < src/ < contract-tests/ < scripts/ < test/, bench/. README "Architecture" explains why.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  // Codegen output is part of the library: the generated resource groups and validators call the
  // library's runtime pieces (the resource base, the number formats). The generator (scripts/)
  // reads only the spec, so regenerating never depends on the code that reads the output.
  generated: ['generated', 'src'],
  // The shipped library: the client and its helpers over the generated types and metadata.
  src: ['src', 'generated'],
  // The contract suite is a client of the library, never the other way round.
  'contract-tests': ['contract-tests', 'src', 'generated'],
  // Build and dev tools reuse the library's pure helpers (one JSON-pointer walker, one Ajv setup)
  // and may drive the suite (the Prism mock); nothing that ships imports a script.
  scripts: ['scripts', 'contract-tests', 'src', 'generated'],
  bench: ['bench', 'contract-tests', 'src', 'generated'],
  test: ['test', 'scripts', 'contract-tests', 'src', 'generated'],
};

/** Folders whose code ships in the package: they may import only node: built-ins and runtime `dependencies`. */
export const SHIPPED = ['src', 'generated'];

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.tmp']);

export interface Violation {
  /** Importing file, relative to the root, with forward slashes. */
  file: string;
  specifier: string;
  reason: string;
}

/** Every import in the layered folders under `root` that breaks the rule, sorted by file. */
export function findLayeringViolations(root: string): Violation[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const violations: Violation[] = [];
  for (const layer of Object.keys(LAYERS)) {
    for (const file of sourceFiles(join(root, layer))) {
      const rel = toPosix(relative(root, file));
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        const reason = specifier.startsWith('.')
          ? relativeImportProblem(root, layer, file, specifier)
          : SHIPPED.includes(layer)
            ? packageImportProblem(layer, specifier, runtime)
            : undefined;
        if (reason) violations.push({ file: rel, specifier, reason });
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.specifier.localeCompare(b.specifier));
}

/** Static, type-only, re-export and literal dynamic imports alike, read by the TypeScript scanner rather than a regex. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function relativeImportProblem(root: string, layer: string, file: string, specifier: string): string | undefined {
  const target = toPosix(relative(root, resolve(dirname(file), specifier)));
  const targetLayer = target.startsWith('../') || !target.includes('/') ? '(outside the layers)' : target.split('/')[0]!;
  const allowed = LAYERS[layer]!;
  if (allowed.includes(targetLayer)) return undefined;
  return `${layer}/ may import only ${allowed.map((l) => `${l}/`).join(', ')}; this reaches ${target}`;
}

function packageImportProblem(layer: string, specifier: string, runtime: Set<string>): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return undefined;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  if (runtime.has(name)) return undefined;
  return `${layer}/ ships in the package, so it may import only node: built-ins and package.json dependencies; "${name}" is not one`;
}

function* sourceFiles(dir: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // a layer folder may be absent (e.g. in a temp tree)
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
