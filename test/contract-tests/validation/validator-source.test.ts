// The precompiled validators judge a body exactly as the runtime Ajv does: the same findings, byte for byte.
import { afterEach, describe, expect, it } from 'vitest';
import { checkResponse } from '../../../contract-tests/engine/response-checker.js';
import { sampleFor } from '../../../contract-tests/engine/schema-sample.js';
import {
  precompiledSource,
  runtimeSource,
  setValidatorSource,
  type ValidatorSource,
} from '../../../contract-tests/validation/validator-source.js';
import { validateAgainst } from '../../../contract-tests/validation/validators.js';
import { listOperations } from '../../../src/operations.js';

let previous: ValidatorSource | undefined;
afterEach(() => {
  if (previous) setValidatorSource(previous);
  previous = undefined;
});

/** Every string a number, every number a string, every object one undeclared key more: type, format, enum and additionalProperties errors at every depth. */
function broken(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (Array.isArray(value)) return value.map(broken);
  if (value && typeof value === 'object')
    return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, broken(v)])), undeclared: true };
  return value;
}

describe('the validator source', () => {
  it('precompiled and runtime validators make the same findings for every documented 2xx body, valid and broken', async () => {
    const precompiled = precompiledSource();
    await precompiled.load(listOperations().map((op) => op.operationId));
    let served = 0;
    let findings = 0;
    for (const op of listOperations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content['application/json']?.schema;
        if (!/^2/.test(status) || schema === undefined) continue;
        if (precompiled.responseValidator(op.operationId, status, 'application/json')) served++;
        const sample = sampleFor(schema, 'body');
        const bodies = [sample, {}, { status: 'nope' }, { ...(sample as object), data: 7 }, broken(sample)];
        for (const body of bodies) {
          const response = { status: Number(status), contentType: 'application/json', text: JSON.stringify(body) };
          setValidatorSource(runtimeSource);
          const atRunTime = JSON.stringify(checkResponse(op, response));
          setValidatorSource(precompiled);
          const fromGenerated = JSON.stringify(checkResponse(op, response));
          expect(fromGenerated, `${op.operationId} ${status}`).toBe(atRunTime);
          findings += (JSON.parse(atRunTime) as unknown[]).length;
        }
      }
    }
    expect(served).toBeGreaterThan(40);
    expect(findings).toBeGreaterThan(200);
  }, 120_000);

  it('is asked first for any schema: what it serves is used, what it lacks is compiled at run time', () => {
    const schema = { type: 'string', title: 'validator-source seam' };
    const fake = Object.assign((value: unknown) => value === 'accepted', {
      errors: [{ keyword: 'fake', instancePath: '', schemaPath: '#', params: {} }],
    });
    previous = setValidatorSource({ ...runtimeSource, schemaValidator: (key) => (key === JSON.stringify(schema) ? fake : undefined) });
    expect(validateAgainst(schema, 'accepted')).toEqual([]);
    expect(validateAgainst(schema, 'a string').map((e) => e.keyword)).toEqual(['fake']);
    expect(validateAgainst({ type: 'string', title: 'not served' }, 5).map((e) => e.keyword)).toEqual(['type']);
  });
});
