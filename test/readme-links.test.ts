// The README is the map a newcomer reads first: every file or folder it links or names must exist.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Relative link targets, and code spans that name a path under one of the project's folders. */
function pathsNamedIn(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '').filter((t) => !/^[a-z]+:/.test(t));
  const spans = [...markdown.matchAll(/`((?:src|generated|contract-tests|scripts|test|bench|openapi)\/[\w./-]*)`/g)].map((m) => m[1] ?? '');
  return [...new Set([...links, ...spans])].filter((p) => !p.includes('*'));
}

describe('README paths', () => {
  it('finds links and path code spans, and only those', () => {
    const text = 'see [a](src/a.ts) and [site](https://x.test) and `src/b.ts`, `npm test`, `test/*.test.ts`';
    expect(pathsNamedIn(text)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('names only files and folders that exist', () => {
    const missing = pathsNamedIn(readFileSync('README.md', 'utf8')).filter((p) => !existsSync(p));
    expect(missing).toEqual([]);
  });
});
