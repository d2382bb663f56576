// `fungies-contract check webhook <eventType> <file|->`: a saved webhook event against the spec's schema for its type.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../contract-tests/cli.js';
import { checkWebhook } from '../../../contract-tests/commands/check-webhook.js';
import { expectUsageError, memoryIo } from '../helpers.js';

const REFUNDED = 'openapi/docs-examples/webhooks/payment_refunded.docs-example.json';
const SUCCESS = 'openapi/docs-examples/webhooks/payment_success.docs-example.json';

describe('fungies-contract check webhook', () => {
  it("passes the vendor's own examples", async () => {
    for (const [type, file] of [
      ['payment_refunded', REFUNDED],
      ['payment_success', SUCCESS],
      ['subscription_created', 'openapi/docs-examples/webhooks/subscription_created.docs-example.json'],
    ] as const) {
      const io = memoryIo();
      const { code, findings } = await checkWebhook({ eventType: type, file }, io);
      expect([code, findings], type).toEqual([0, []]);
      expect(io.out()).toContain(`✔ ${file} conforms to the ${type} webhook event`);
    }
  });

  it('fails a saved event with a wrong field type, naming the field', async () => {
    const event = { ...JSON.parse(readFileSync(REFUNDED, 'utf8')), testMode: 'yes' };
    event.data.order.fee = '96';
    const io = memoryIo(JSON.stringify(event));
    const { code, findings } = await checkWebhook({ eventType: 'payment_refunded', file: '-' }, io);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.pointer, f.rule, f.expected, f.actual])).toEqual([
      ['/testMode', 'type', 'type boolean', '"yes" (string)'],
      ['/data/order/fee', 'type', 'type integer or null', '"96" (string)'],
    ]);
    expect(io.out()).toContain('✘ webhook payment_refunded POST webhooks/payment_refunded [–] /data/order/fee: type');
    expect(io.out()).toContain('✘ 2 violations in stdin');
  });

  it('fails an event of another type than the one named', async () => {
    const { code, findings } = await checkWebhook({ eventType: 'payment_success', file: REFUNDED }, memoryIo());
    expect(code).toBe(1);
    expect(findings[0]).toMatchObject({
      pointer: '/type',
      rule: 'const',
      expected: '"payment_success"',
      actual: '"payment_refunded" (string)',
    });
  });

  it('fails a body that is not JSON', async () => {
    const { findings } = await checkWebhook({ eventType: 'payment_success', file: '-' }, memoryIo('type=payment_success'));
    expect(findings.map((f) => [f.pointer, f.rule])).toEqual([['', 'json']]);
  });

  it.each([
    [['check', 'webhook', 'order.paid', SUCCESS], 'unknown webhook event type "order.paid"'],
    [['check', 'webhook', 'payment_refund', SUCCESS], 'did you mean payment_refunded?'],
    [['check', 'webhook', 'payment_success', 'missing.json'], 'cannot read missing.json: ENOENT'],
  ])('exits 2 with one line for bad usage: %j', (argv, message) => expectUsageError(argv, message));

  it('runs from the CLI: exit 0 for a conforming file', async () => {
    const io = memoryIo();
    expect(await main(['check', 'webhook', 'payment_refunded', REFUNDED], io)).toBe(0);
  });
});
