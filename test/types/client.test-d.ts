// The path-style client is typed by the spec: data and error types, and the calls that must not compile.
import { describe, expectTypeOf, it } from 'vitest';
import { type components, createFungiesClient, unwrap } from '../../src/index.js';

const client = createFungiesClient({ publicKey: 'pub_x', secretKey: 'sec_x' });
type Order = components['schemas']['PatchV0OrdersOrderIdOrNumberCancelPositiveResponse']['data']['order'];

describe('the client is typed by the spec', () => {
  it('types the 2xx data and the error', async () => {
    const { data, error } = await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', {
      params: { path: { orderIdOrNumber: '#ABC123DEF456' } },
      body: {},
    });
    if (data) {
      expectTypeOf(data.data.order).toEqualTypeOf<Order>();
      expectTypeOf(data.status).toEqualTypeOf<'success'>();
    }
    if (error) expectTypeOf(error.status).toEqualTypeOf<'error'>();
    const unwrapped = await unwrap(
      client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#A' } }, body: {} }),
    );
    expectTypeOf(unwrapped.data.order).toEqualTypeOf<Order>();
  });

  it('rejects a path the spec does not have', () => {
    // @ts-expect-error — no such path
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancle', { params: { path: { orderIdOrNumber: 'x' } }, body: {} });
  });

  it('rejects a method the path does not have', () => {
    // @ts-expect-error — cancel is PATCH only
    void client.GET('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: 'x' } } });
  });

  it('rejects a missing path parameter', () => {
    // @ts-expect-error — orderIdOrNumber is required
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: {} }, body: {} });
  });

  it('rejects a path parameter of the wrong type', () => {
    // @ts-expect-error — orderIdOrNumber is a string
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: 42 } }, body: {} });
  });

  it('rejects an unknown body field', () => {
    // @ts-expect-error — the cancel body has no fields
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: 'x' } }, body: { refund: true } });
  });
});

describe('per-request options are typed', () => {
  it('accepts timeout, retry, signal and headers beside params', () => {
    void client.GET('/v0/orders/list', {
      timeout: 1_000,
      retry: { limit: 1 },
      signal: AbortSignal.timeout(5_000),
      headers: { 'x-trace': '1' },
    });
    void client.GET('/v0/orders/list', { timeout: false, retry: false });
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#A' } }, body: {}, retry: 0 });
  });

  it('rejects a timeout that is not a number', () => {
    // @ts-expect-error — timeout is milliseconds or false
    void client.GET('/v0/orders/list', { timeout: '1s' });
  });

  it('rejects a retry policy with a wrong field type', () => {
    // @ts-expect-error — retry.limit is a number
    void client.GET('/v0/orders/list', { retry: { limit: 'many' } });
  });

  it('still requires the path parameters when options are given', () => {
    // @ts-expect-error — params.path is required
    void client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { body: {}, timeout: 100 });
  });
});
