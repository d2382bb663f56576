// The resource table generator: the naming rule for resource methods, name collisions, and which calls are lists.
import { describe, expect, it } from 'vitest';
import { planResources, resourceRoute } from '../../scripts/lib/generate-resources.js';

describe('resourceRoute: the naming rule for resource methods', () => {
  it.each([
    ['GET', '/v0/orders/list', { groups: ['orders'], name: 'list', pathParams: [] }],
    ['GET', '/v0/orders/{orderIdOrNumber}', { groups: ['orders'], name: 'get', pathParams: ['orderIdOrNumber'] }],
    ['PATCH', '/v0/orders/{orderIdOrNumber}/cancel', { groups: ['orders'], name: 'cancel', pathParams: ['orderIdOrNumber'] }],
    ['POST', '/v0/discounts/create', { groups: ['discounts'], name: 'create', pathParams: [] }],
    [
      'PATCH',
      '/v0/products/{productId}/variants/{variantId}/update',
      { groups: ['products', 'variants'], name: 'update', pathParams: ['productId', 'variantId'] },
    ],
    [
      'DELETE',
      '/v0/offers/{offerId}/keys/{keyId}/removeUnsold',
      { groups: ['offers', 'keys'], name: 'removeUnsold', pathParams: ['offerId', 'keyId'] },
    ],
    ['POST', '/v0/elements/checkout/create', { groups: ['elements', 'checkout'], name: 'create', pathParams: [] }],
    ['GET', '/v0/users/{userId}/inventory', { groups: ['users'], name: 'inventory', pathParams: ['userId'] }],
    ['DELETE', '/v0/widgets/{widgetId}', { groups: ['widgets'], name: 'delete', pathParams: ['widgetId'] }],
    ['PATCH', '/v0/widgets/{widgetId}', { groups: ['widgets'], name: 'update', pathParams: ['widgetId'] }],
    ['PATCH', '/v0/subscriptions/{id}/pause-collection', { groups: ['subscriptions'], name: 'pauseCollection', pathParams: ['id'] }],
  ])('%s %s', (method, path, want) => {
    expect(resourceRoute(method, path)).toEqual(want);
  });

  it('names the path when it has no static segment to group by', () => {
    expect(() => resourceRoute('GET', '/v0/{id}')).toThrow(/GET \/v0\/\{id\}: no resource segment/);
  });
});

describe('planResources', () => {
  const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths });
  const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'ok' } } });

  it('fails with both operationIds when two operations get the same method name', () => {
    expect(() => planResources(doc({ '/v0/orders/list': { get: op('A') }, '/v0/orders/list/': { get: op('B') } }))).toThrow(
      /orders\.list.*A.*B/,
    );
  });

  it('fails when a method name and a group name collide', () => {
    expect(() => planResources(doc({ '/v0/orders/keys': { get: op('A') }, '/v0/orders/keys/add': { post: op('B') } }))).toThrow(
      /orders\.keys/,
    );
  });

  it('marks GET operations with a skip, cursor or page query parameter and one list in data as lists', () => {
    const skip = [{ name: 'skip', in: 'query', schema: { type: 'number' } }];
    const page = (data: Record<string, unknown>) => ({
      '200': {
        description: 'ok',
        content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'object', properties: data } } } } },
      },
    });
    const plans = planResources(
      doc({
        '/v0/orders/list': {
          get: { ...op('GetList'), parameters: skip, responses: page({ orders: { type: 'array' }, count: { type: 'number' } }) },
        },
        '/v0/users/list': { get: { ...op('GetUsers'), parameters: skip, responses: page({}) } },
      }),
    );
    expect(plans.find((p) => p.path === '/v0/orders/list')).toMatchObject({
      groups: ['orders'],
      name: 'list',
      list: true,
      query: true,
      typePrefix: 'OrdersList',
    });
    // Same rule as paginate(): no documented list in data, nothing to iterate.
    expect(plans.find((p) => p.path === '/v0/users/list')).toMatchObject({ list: false });
  });
});
