// docs/webhooks.md shows exactly the handler test/types/readme-webhook-example.ts compiles (and the server test runs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/webhooks.md', () => {
  it('shows exactly the handler that test/types/readme-webhook-example.ts compiles', () => {
    const section = readFileSync('docs/webhooks.md', 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const compiled = readFileSync('test/types/readme-webhook-example.ts', 'utf8').split('\n').slice(1).join('\n');
    expect(compiled.replace("'../../src/index.js'", "'fungies-openapi'")).toBe(example);
  });
});
