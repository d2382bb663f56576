/** The before and after of the swap the crash tests interrupt: files replaced, one added, a folder replaced with a file dropped. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SwapPlan } from '../../../scripts/lib/spec-update/swap.js';

export const OLD_TREE = new Map([
  ['openapi/api-docs.yaml', 'old spec'],
  ['openapi/CHANGES.md', 'old changes'],
  ['generated/api.ts', 'old api'],
  ['generated/gone.ts', 'old, dropped by the new version'],
  ['src/index.ts', 'untouched'],
]);

export const NEW_TREE = new Map([
  ['openapi/api-docs.yaml', 'new spec'],
  ['openapi/CHANGES.md', 'new changes'],
  ['openapi/PROVENANCE.md', 'new file'],
  ['generated/api.ts', 'new api'],
  ['generated/schemas.ts', 'new schemas'],
  ['src/index.ts', 'untouched'],
]);

export const CRASH_PLAN: SwapPlan = {
  files: new Map([
    ['openapi/api-docs.yaml', 'new spec'],
    ['openapi/CHANGES.md', 'new changes'],
    ['openapi/PROVENANCE.md', 'new file'],
  ]),
  dirs: new Map([
    [
      'generated',
      new Map([
        ['api.ts', 'new api'],
        ['schemas.ts', 'new schemas'],
      ]),
    ],
  ]),
};

export async function writeTree(dir: string, tree: Map<string, string>): Promise<void> {
  for (const [rel, text] of tree) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
}

/** Every file under `dir` (path → contents); empty folders appear as `path/` → ''. */
export async function readTree(dir: string, root = dir, out = new Map<string, string>()): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.length === 0 && dir !== root) out.set(`${relative(root, dir)}/`, '');
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readTree(path, root, out);
    else out.set(relative(root, path), await readFile(path, 'utf8'));
  }
  return out;
}
