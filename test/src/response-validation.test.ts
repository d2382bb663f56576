// validateResponses: off by default; on, a 2xx body that breaks the spec throws ResponseValidationError naming each field.
import { describe, expect, it } from 'vitest';
import { FungiesApiError, ResponseValidationError } from '../../src/index.js';
import { cancelledOrder, createTestClient, json } from '../helpers.js';

const cancel = (client: ReturnType<typeof createTestClient>['client']) =>
  client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });

const lying = { ...cancelledOrder, status: '<string>', data: { order: { ...cancelledOrder.data.order, number: '<string>' } } };

describe('validateResponses', () => {
  it('is off by default: a body that breaks the spec is returned as it came', async () => {
    const { client } = createTestClient(() => json(lying));
    const { data } = await cancel(client);
    expect(data?.status).toBe('<string>');
  });

  it('lets a conforming body through', async () => {
    const { client } = createTestClient(() => json(cancelledOrder), { validateResponses: true });
    const { data } = await cancel(client);
    expect(data).toEqual(cancelledOrder);
  });

  it('throws ResponseValidationError naming each broken field', async () => {
    const { client } = createTestClient(() => json(lying), { validateResponses: true });
    const error = (await cancel(client).catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).not.toBeInstanceOf(FungiesApiError);
    expect(error.errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/status const', '/data/order/number pattern']);
    expect(error.message).toBe(
      [
        '200 PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel): response body does not match the spec:',
        '  body/status must be "success" (got "<string>")',
        '  body/data/order/number must match pattern "^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$" (got "<string>")',
      ].join('\n'),
    );
  });

  it("lets through a value the spec's own default contradicts (currency: null)", async () => {
    const withNullCurrency = { ...cancelledOrder, data: { order: { ...cancelledOrder.data.order, currency: null } } };
    const { client } = createTestClient(() => json(withNullCurrency), { validateResponses: true });
    const { data } = await cancel(client);
    expect(data?.data.order.currency).toBeNull();
  });

  it('still rejects a currency outside the enum', async () => {
    const badCurrency = { ...cancelledOrder, data: { order: { ...cancelledOrder.data.order, currency: 'XXX' } } };
    const { client } = createTestClient(() => json(badCurrency), { validateResponses: true });
    await expect(cancel(client)).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
