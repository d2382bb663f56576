// The README's webhook section shows exactly the handler test/types/readme-webhook-example.ts compiles (and the server test runs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README webhooks section', () => {
  it('shows exactly the handler that test/types/readme-webhook-example.ts compiles', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Webhooks'));
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const compiled = readFileSync('test/types/readme-webhook-example.ts', 'utf8').split('\n').slice(1).join('\n');
    expect(compiled.replace("'../../src/index.js'", "'fungies-openapi'")).toBe(example);
  });
});
