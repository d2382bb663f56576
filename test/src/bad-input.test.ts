// Input the client cannot send ends, before anything is sent, in a FungiesConfigError that names the field.
import { describe, expect, it } from 'vitest';
import { createFungies, FungiesConfigError } from '../../src/index.js';
import { createTestClient, json, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

const list = { status: 'success', data: { orders: [], count: 0 } };
const circular: Record<string, unknown> = { name: 'x' };
circular['self'] = circular;

async function failure(call: () => Promise<unknown>): Promise<FungiesConfigError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FungiesConfigError);
  return error as FungiesConfigError;
}

describe('input the client cannot send', () => {
  it.each([
    ['a circular body', { name: 'x', self: circular }, 'body cannot be sent as JSON'],
    ['a BigInt in a body', { amount: 10n }, 'body cannot be sent as JSON'],
  ])('%s fails with the field and the reason, and nothing is sent', async (_name, body, message) => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await failure(() => client.POST('/v0/discounts/create', { body: body as never }));
    expect(error.option).toBe('body');
    expect(error.message).toContain(message);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['a value with CR/LF (header injection)', { 'x-note': 'a\r\nx-injected: 1' }, 'headers.x-note'],
    ['a value with NUL', { 'x-note': 'a\u0000b' }, 'headers.x-note'],
    ['a name with a space', { 'bad name': 'v' }, 'headers.bad name'],
  ])('a per-request header with %s fails before anything is sent', async (_name, headers, field) => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await failure(() => client.GET('/v0/orders/list', { headers }));
    expect(error.option).toBe('headers');
    expect(error.message).toContain(field);
    expect(error.message).not.toContain('x-injected: 1');
    expect(requests).toHaveLength(0);
  });

  it('the resource methods refuse the same headers', async () => {
    const fungies = createFungies({
      publicKey: PUBLIC_KEY,
      secretKey: SECRET_KEY,
      baseUrl: 'https://api.test',
      fetch: async () => json(list),
    });
    const error = await failure(() => fungies.orders.list(undefined, { headers: { 'x-note': 'a\r\nb' } }));
    expect(error.option).toBe('headers');
  });

  it('a client-wide header that cannot be sent fails when the client is created', () => {
    expect(() => createFungies({ publicKey: PUBLIC_KEY, headers: { 'x-note': 'a\nb' } })).toThrow(FungiesConfigError);
  });

  it('a query value that is a symbol fails with the parameter named', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await failure(() => client.GET('/v0/orders/list', { params: { query: { take: Symbol('x') as never } } }));
    expect(error.option).toBe('params.query');
    expect(requests).toHaveLength(0);
  });

  it('a signal that is not an AbortSignal fails as a bad option, not as a connection error', async () => {
    const { client, requests } = createTestClient(() => json(list));
    const error = await failure(() => client.GET('/v0/orders/list', { signal: {} as never }));
    expect(error.option).toBe('signal');
    expect(requests).toHaveLength(0);
  });

  it.each([
    [Number.NaN, 'got NaN'],
    [Number.POSITIVE_INFINITY, 'got Infinity'],
  ])('a timeout of %s is shown as it is, not as JSON null', async (timeout, shown) => {
    const { client } = createTestClient(() => json(list));
    const error = await failure(() => client.GET('/v0/orders/list', { timeout }));
    expect(error.message).toContain(shown);
  });
});
