// docs/api.md is generated from the spec like generated/: it must be exactly what the generator writes now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourceTable } from '../../generated/resources.js';
import { API_REFERENCE_FILE, apiReference } from '../../scripts/lib/api-reference.js';

describe('the per-method reference (docs/api.md)', () => {
  it('is up to date with the spec (run `npm run docs:api` after a spec change)', () => {
    expect(readFileSync(API_REFERENCE_FILE, 'utf8')).toBe(apiReference());
  });

  it('has a section for every resource method', () => {
    const count = JSON.stringify(resourceTable).match(/"operationId"/g)?.length ?? 0;
    expect(apiReference().match(/^### `fungies\./gm)?.length).toBe(count);
  });
});
