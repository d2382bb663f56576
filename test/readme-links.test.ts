// The README and docs/ are the map a newcomer reads first: every file or folder they link or name must exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Relative link targets, and code spans that name a path under one of the project's folders. */
function pathsNamedIn(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '').filter((t) => !/^[a-z]+:/.test(t));
  const spans = [...markdown.matchAll(/`((?:src|generated|contract-tests|scripts|test|bench|openapi)\/[\w./-]*)`/g)].map((m) => m[1] ?? '');
  // Build output (dist/) is not in a clone until something builds it: a page may name it.
  return [...new Set([...links, ...spans])].filter((p) => !p.includes('*') && !/(^|\/)dist(\/|$)/.test(p));
}

describe('README paths', () => {
  it('finds links and path code spans, and only those', () => {
    const text = 'see [a](src/a.ts) and [site](https://x.test) and `src/b.ts`, `npm test`, `test/*.test.ts`, `contract-tests/dist/x.js`';
    expect(pathsNamedIn(text)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('names only files and folders that exist, in the README and in every page of docs/', () => {
    const pages = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const missing = pages.flatMap((page) =>
      pathsNamedIn(readFileSync(page, 'utf8'))
        // A link is relative to its page; a code span names a path from the repository root.
        .filter((p) => !existsSync(join(dirname(page), p)) && !existsSync(p))
        .map((p) => `${page}: ${p}`),
    );
    expect(missing).toEqual([]);
  });
});
