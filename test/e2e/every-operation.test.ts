// Prism mocks every operation of the spec: each answers the client with a documented status.
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../contract-tests/validation/validators.js';
import { createFungiesClient, listOperations, type OperationMeta } from '../../src/index.js';
import { usePrism } from './use-prism.js';

const prism = usePrism();

const CANDIDATE_IDS = ['#ABC123DEF456', '3c90c3cc-0d44-4b50-8888-8dd25736052a'];

/** A path value the parameter's own schema accepts. */
function pathValue(op: OperationMeta, name: string, schema: unknown): string {
  const value = CANDIDATE_IDS.find((v) => validateAgainst(schema, v).length === 0);
  if (!value) throw new Error(`${op.operationId}: no candidate id fits path parameter ${name}`);
  return value;
}

describe('Prism mocks every operation of the spec', () => {
  it.each(listOperations().map((op) => [op.operationId, op] as const))('%s answers with a documented status', async (_id, op) => {
    const client = createFungiesClient({ publicKey: 'pub_e2eTestKey', secretKey: 'sec_e2eTestKey', baseUrl: prism.url });
    const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(op, p.name, p.schema)]));
    const call = client[op.method.toUpperCase() as 'GET'] as (url: string, init: unknown) => Promise<{ response: Response }>;
    const { response } = await call(op.path, { params: { path }, ...(op.requestBody ? { body: {} } : {}) });
    expect(Object.keys(op.responses), `${op.operationId} got ${response.status}`).toContain(String(response.status));
  });
});
