/** Path ids are checked before the network: dot-segments and over-long ids never reach the wire. */
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, MAX_ID_LENGTH } from '../../src/index.js';
import { createTestClient, json, SECRET_KEY } from '../helpers.js';

type Client = ReturnType<typeof createTestClient>['client'];
const updateDiscount = (client: Client, discountId: string) =>
  client.PATCH('/v0/discounts/{discountId}/update', { params: { path: { discountId } }, body: {} as never });

describe('path ids', () => {
  // discountId of the update operation is a plain string in the spec, so only the client's own rule stops these.
  it.each([['.'], ['..']])('rejects the dot-segment %j before any request, naming the parameter', async (id) => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: {} }));
    const error = await updateDiscount(client, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).toBe('path.discountId');
    expect((error as Error).message).toContain('"discountId"');
    expect((error as Error).message).toContain('dot-segment');
    expect(requests).toHaveLength(0);
  });

  it('rejects an id longer than any real id, naming the bound', async () => {
    const { client, requests } = createTestClient(() => json({ status: 'success', data: {} }));
    const error = await updateDiscount(client, 'a'.repeat(MAX_ID_LENGTH + 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).parameter).toBe('path.discountId');
    expect((error as Error).message).toContain(`at most ${MAX_ID_LENGTH} characters`);
    expect(requests).toHaveLength(0);
  });

  it.each([['...'], ['.a'], ['a.b'], ['3c90c3cc-0d44-4b50-8888-8dd25736052a'], ['a'.repeat(MAX_ID_LENGTH)]])(
    'lets %j through',
    async (id) => {
      const { client, requests } = createTestClient(() => json({ status: 'success', data: {} }));
      await updateDiscount(client, id);
      expect(requests).toHaveLength(1);
    },
  );

  it('does not repeat a key passed by mistake as an id', async () => {
    const { client } = createTestClient();
    const error = await client
      .PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: `Z${SECRET_KEY}` } }, body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as Error).message).not.toContain(SECRET_KEY.slice(4));
  });
});
