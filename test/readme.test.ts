// The README shows exactly the example test/types/readme-example.ts compiles, and opens with the two set-up commands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourceRoute } from '../scripts/lib/generate-resources.js';
import { paginatedPaths } from '../src/index.js';

describe('README', () => {
  it('shows exactly the example that test/types/readme-example.ts compiles', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const compiled = readFileSync('test/types/readme-example.ts', 'utf8')
      .split('\n')
      .slice(1)
      .join('\n')
      .replace(/export \{\};\n$/, '');
    expect(compiled.replace("'../../src/index.js'", "'fungies-openapi'")).toBe(example);
  });

  it('opens with exactly the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1] ?? '';
    expect(
      firstBlock
        .trim()
        .split('\n')
        .map((l) => l.split('#')[0]?.trim()),
    ).toEqual(['npm ci && npm run contract', 'npm test']);
  });

  it('names exactly the list methods that paginate (docs/client.md)', () => {
    const doc = readFileSync('docs/client.md', 'utf8');
    const named = /- List methods \(([^:)]*)[:)]/
      .exec(doc)?.[1]
      ?.match(/`([^`]+)`/g)
      ?.map((m) => m.slice(1, -1));
    const paginating = paginatedPaths.map((path) => {
      const route = resourceRoute('get', path);
      return [...route.groups, route.name].join('.');
    });
    expect(named?.sort()).toEqual(paginating.sort());
  });
});
