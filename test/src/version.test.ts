/** The User-Agent names the package and the version package.json declares. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/index.js';
import { createTestClient } from '../helpers.js';

describe('User-Agent', () => {
  it('VERSION is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('every request carries fungies-openapi/<version>', async () => {
    const { client, requests } = createTestClient();
    await client.GET('/v0/orders/list');
    expect(requests[0]?.headers.get('user-agent')).toBe(`fungies-openapi/${VERSION}`);
  });
});
