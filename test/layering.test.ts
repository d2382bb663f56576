// The layering rule holds on the tree, and a planted forbidden import makes the scanner say so by file and target.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLayeringViolations, importSpecifiers, type Violation } from './layering.js';

/**
 * Imports that break the rule today and wait for the code that owns them to move. The list only
 * shrinks: a new violation fails the test, and so does an entry that no longer occurs (delete it).
 */
const KNOWN_VIOLATIONS: string[] = [];

/** `file -> specifier`, the form KNOWN_VIOLATIONS and the assertions use. */
const edges = (violations: Violation[]) => violations.map((v) => `${v.file} -> ${v.specifier}`);

describe('layering', () => {
  it('holds on this tree, apart from the listed violations', () => {
    const found = edges(findLayeringViolations(process.cwd()));
    const unexpected = found.filter((v) => !KNOWN_VIOLATIONS.includes(v));
    const fixed = KNOWN_VIOLATIONS.filter((v) => !found.includes(v));
    expect({ unexpected, fixed }).toEqual({ unexpected: [], fixed: [] });
  });

  describe('on a planted tree', () => {
    const roots: string[] = [];
    afterAll(async () => {
      await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
    });

    async function plant(files: Record<string, string>): Promise<string> {
      const root = await mkdtemp(join(tmpdir(), 'layering-'));
      roots.push(root);
      const all = { 'package.json': JSON.stringify({ dependencies: { ajv: '^8' } }), ...files };
      for (const [path, text] of Object.entries(all)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), text);
      }
      return root;
    }

    it('names each forbidden edge with the file, the specifier and the folders allowed', async () => {
      const root = await plant({
        'src/client.ts': "import { x } from '../scripts/lib/tool.js';\nexport { y } from '../contract-tests/cli.js';\n",
        'src/lazy.ts': "export const load = () => import('../test/helpers.js');\n",
        'generated/operations.ts': "import { generate } from '../scripts/lib/generate.js';\n",
        'contract-tests/run.ts': "import { startPrism } from '../scripts/lib/prism.js';\n",
      });
      const found = findLayeringViolations(root);
      expect(edges(found)).toEqual([
        'contract-tests/run.ts -> ../scripts/lib/prism.js',
        'generated/operations.ts -> ../scripts/lib/generate.js',
        'src/client.ts -> ../contract-tests/cli.js',
        'src/client.ts -> ../scripts/lib/tool.js',
        'src/lazy.ts -> ../test/helpers.js',
      ]);
      expect(found[1]!.reason).toBe('generated/ may import only generated/, src/; this reaches scripts/lib/generate.js');
    });

    it('lets shipped code import only node: built-ins and runtime dependencies', async () => {
      const root = await plant({
        'src/ok.ts': "import Ajv from 'ajv';\nimport Ajv2020 from 'ajv/dist/2020.js';\nimport { join } from 'node:path';\n",
        'src/dev-only.ts': "import { parse } from 'yaml';\nimport type { Options } from '@apidevtools/swagger-parser';\n",
        'scripts/tool.ts': "import { parse } from 'yaml';\n",
      });
      const found = findLayeringViolations(root);
      expect(edges(found)).toEqual(['src/dev-only.ts -> @apidevtools/swagger-parser', 'src/dev-only.ts -> yaml']);
      expect(found[1]!.reason).toContain('"yaml" is not one');
    });

    it('allows every edge the rule names', async () => {
      const root = await plant({
        'src/a.ts': "import '../generated/api.js';\n",
        'contract-tests/a.ts': "import '../src/a.js';\nimport '../generated/api.js';\n",
        'scripts/a.ts': "import '../src/a.js';\nimport '../contract-tests/a.js';\nimport '../generated/api.js';\n",
        'test/a.ts': "import '../scripts/a.js';\nimport '../contract-tests/a.js';\nimport '../src/a.js';\n",
        'bench/a.ts': "import '../src/a.js';\n",
      });
      expect(findLayeringViolations(root)).toEqual([]);
    });
  });

  it('reads type-only, re-export and dynamic imports, not only plain ones', () => {
    const text = [
      "import type { A } from './a.js';",
      "export * from './b.js';",
      "const c = await import('./c.js');",
      "// import { no } from './comment.js';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', './b.js', './c.js']);
  });
});
