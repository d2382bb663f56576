/** The request builder's optional query parameters, and how the client puts them on the wire. */
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../../contract-tests/engine/request-builder.js';
import type { OperationMeta, ParameterMeta } from '../../../src/operation-meta.js';
import { listOperations } from '../../../src/operations.js';
import { createTestClient, json } from '../../helpers.js';

const query = (name: string, schema: unknown, required = false): ParameterMeta => ({ name, in: 'query', required, schema });
const STATUS = { type: 'array', items: { type: 'string', enum: ['PAID', 'FAILED', 'REFUNDED'] } };

function operation(parameters: ParameterMeta[]): OperationMeta {
  return {
    operationId: 'ListThings',
    method: 'get',
    path: '/v0/things',
    summary: '',
    tags: [],
    authHeaders: [],
    parameters,
    responses: {},
  };
}

describe('buildRequest: optional query parameters', () => {
  it('sends an optional array of an enum with its first two values, so joined and repeated serialisations differ', () => {
    expect(buildRequest(operation([query('statuses', STATUS)])).query).toEqual({ statuses: ['PAID', 'FAILED'] });
  });

  it('leaves out an optional array of free strings or uuids: a made-up value narrows a list to nothing', () => {
    const planned = buildRequest(
      operation([
        query('ids', { type: 'array', items: { type: 'string', format: 'uuid' } }),
        query('tags', { type: 'array', items: { type: 'string' } }),
      ]),
    );
    expect(planned.query).toEqual({});
  });

  it('sends pagination parameters with a value inside their bounds', () => {
    const planned = buildRequest(
      operation([
        query('take', { type: 'integer', minimum: 1, maximum: 100 }),
        query('page', { type: 'integer', exclusiveMinimum: 1 }),
        query('skip', { type: ['number', 'null'], minimum: 0 }),
      ]),
    );
    expect(planned.query).toEqual({ take: 1, page: 2, skip: 1 });
  });

  it('leaves out optional parameters whose value could change the answer: cursors, filters, arrays of objects', () => {
    const planned = buildRequest(
      operation([
        query('cursor', { type: 'string' }),
        query('term', { type: 'string' }),
        query('archived', {}),
        query('limit', { type: 'string' }),
        query('filters', { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } }),
      ]),
    );
    expect(planned.query).toEqual({});
  });

  it('still sends a required query parameter whatever its kind', () => {
    expect(buildRequest(operation([query('term', { type: 'string' }, true)])).query).toEqual({ term: 'sample' });
  });
});

describe('the client sends array query parameters form/explode (one name=value per item)', () => {
  it.each(
    listOperations()
      .filter((op) => Object.values(buildRequest(op).query).some((v) => Array.isArray(v) && v.length > 1))
      .map((op) => [op.operationId, op] as const),
  )('%s', async (_id, op) => {
    const planned = buildRequest(op);
    const { client, requests } = createTestClient(() => json({ status: 'success', data: {} }));
    await (client.request as unknown as (m: string, p: string, i: unknown) => Promise<unknown>)(op.method, op.path, {
      params: { path: planned.path, query: planned.query },
    });
    const sent = new URL(requests[0]!.url).searchParams;
    for (const [name, value] of Object.entries(planned.query)) {
      expect(sent.getAll(name), name).toEqual((Array.isArray(value) ? value : [value]).map(String));
    }
  });
});

describe('list requests on a server with real data', () => {
  it('carry no made-up narrowing filter (ids=<sample>), so their items come back and are checked', async () => {
    const { listOperations } = await import('../../../src/operations.js');
    const narrowed = listOperations()
      .map((op) => [op.operationId, buildRequest(op).query] as const)
      .filter(([, query]) => 'ids' in query);
    expect(narrowed).toEqual([]);
  });
});
