// The spec pipeline and the client share one list of OpenAPI HTTP methods.
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS as walkMethods } from '../../contract-tests/spec/openapi-walk.js';
import { HTTP_METHODS } from '../../src/operation-meta.js';

describe('HTTP methods', () => {
  it('are defined once, in src/operation-meta.ts, and reused by the spec walker', () => {
    expect(walkMethods).toBe(HTTP_METHODS);
    expect(HTTP_METHODS).toEqual(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  });
});
