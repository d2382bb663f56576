// test/ mirrors the source tree: each folder of tests stands for a source folder of the same name.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Test folder → the source folder its subfolders mirror. `fixtures` folders hold test data, not tests of a module. */
const MIRRORS: Record<string, string[]> = {
  'test/src': ['src'],
  'test/contract-tests': ['contract-tests'],
  // scripts/ keeps its shared parts in lib/; the test tree leaves that level out.
  'test/scripts': ['scripts/lib', 'scripts'],
};
/** Top-level test folders that are not a source folder's mirror, and why. */
const OWN_FOLDERS = {
  e2e: 'the client against a Prism mock, across modules',
  types: 'type-level tests of the public API',
  openapi: "the spec's content (openapi/ holds no code)",
};

function subfolders(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'fixtures' && e.name !== 'node_modules')
    .flatMap((e) => [join(rel, e.name), ...subfolders(dir, join(rel, e.name))]);
}

/** Test folders with no source folder of the same path under any of their mirrors. */
function unmirrored(root: string): string[] {
  return Object.entries(MIRRORS).flatMap(([testDir, sources]) =>
    existsSync(join(root, testDir))
      ? subfolders(join(root, testDir))
          .filter((rel) => !sources.some((src) => existsSync(join(root, src, rel))))
          .map((rel) => join(testDir, rel))
      : [],
  );
}

describe('the test tree', () => {
  it('has a source folder behind every folder of tests', () => {
    expect(unmirrored('.')).toEqual([]);
  });

  it('has no top-level folder that is neither a mirror nor one of its own', () => {
    const top = readdirSync('test', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const known = [...Object.keys(MIRRORS).map((d) => d.slice('test/'.length)), ...Object.keys(OWN_FOLDERS)];
    expect(top.filter((name) => !known.includes(name))).toEqual([]);
  });
});
