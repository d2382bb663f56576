// `fungies-contract check <operationId> <status> <file|->`: a saved response against the spec's schema for that status.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../contract-tests/cli.js';
import { checkCommand } from '../../../contract-tests/commands/check.js';
import { expectUsageError, memoryIo, useTempDir } from '../helpers.js';

const OP = 'PatchV0OrdersOrderIdOrNumberCancel';
const temp = useTempDir('fungies-check-');
const DOCS_200 = 'openapi/docs-examples/cancel-order.200.docs-example.json';
const DOCS_400 = 'openapi/docs-examples/cancel-order.400.docs-example.json';

/** A cancel-order 200 body of a paid order; only its currency varies between the tests. */
const paidOrder = (currency: string | null) =>
  JSON.stringify({
    status: 'success',
    data: {
      order: {
        id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
        number: '#ABC123DEF456',
        status: 'PAID',
        createdAt: 1,
        orderNumber: '#ABC123DEF456',
        currency,
      },
    },
  });

describe('fungies-contract check', () => {
  it("rejects the docs' own 200 example with its four findings, currency as a spec defect", async () => {
    const io = memoryIo();
    const { code, findings } = await checkCommand({ operationId: OP, status: '200', file: DOCS_200, strict: false }, io);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.pointer, f.rule, f.kind])).toEqual([
      ['/status', 'const', 'response'],
      ['/data/order/number', 'pattern', 'response'],
      ['/data/order/currency', 'enum', 'spec-defect'],
      ['/data/order/orderNumber', 'pattern', 'response'],
    ]);
    expect(io.out()).toMatchInlineSnapshot(`
      "___ PATCH /v0/orders/{orderIdOrNumber}/cancel (PatchV0OrdersOrderIdOrNumberCancel) 200: openapi/docs-examples/cancel-order.200.docs-example.json ___

      ✘ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /status: const
          expected: "success"
          actual:   "<string>" (string)

      ✘ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /data/order/number: pattern
          expected: a string matching ^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$
          actual:   "<string>" (string)

      ⚠ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /data/order/currency: enum (spec defect)
          expected: one of "AFN", "ALL", "DZD", "AOA", "ARS", "AMD", "AWG", "AUD", … (150 values)
          actual:   null (null)
          note:     the schema's own default null fails the schema, so the spec contradicts itself

      ✘ PatchV0OrdersOrderIdOrNumberCancel PATCH /v0/orders/{orderIdOrNumber}/cancel [200] /data/order/orderNumber: pattern
          expected: a string matching ^#?([0-9A-Za-z]{12,32}|[0-9]+)(-[0-9]+)?$
          actual:   "<string>" (string)

      ✘ 3 violations, 1 spec defect (not failing; --strict makes them fail) in openapi/docs-examples/cancel-order.200.docs-example.json
      "
    `);
  });

  it("passes the docs' 400 example", async () => {
    const io = memoryIo();
    const { code, findings } = await checkCommand({ operationId: OP, status: '400', file: DOCS_400, strict: false }, io);
    expect([code, findings]).toEqual([0, []]);
    expect(io.out()).toContain(`✔ ${DOCS_400} conforms to ${OP} 400`);
  });

  it('does not fail on a spec defect alone, and fails on it with --strict', async () => {
    const body = paidOrder(null);
    expect((await checkCommand({ operationId: OP, status: '200', file: '-', strict: false }, memoryIo(body))).code).toBe(0);
    expect((await checkCommand({ operationId: OP, status: '200', file: '-', strict: true }, memoryIo(body))).code).toBe(1);
  });

  it('blames the server, not the spec, for a currency outside the enum that is not the default', async () => {
    const body = paidOrder('XXX');
    const { findings } = await checkCommand({ operationId: OP, status: '200', file: '-', strict: false }, memoryIo(body));
    expect(findings.map((f) => [f.pointer, f.kind])).toEqual([['/data/order/currency', 'response']]);
  });

  it.each([
    [['check', 'NoSuchOperation', '200', DOCS_200], 'unknown operationId "NoSuchOperation"'],
    [['check', OP, 'ok', DOCS_200], 'status must be an HTTP status code'],
    [['check', OP, '200', 'missing.json'], 'cannot read missing.json: ENOENT'],
    [['check', OP, '200'], 'usage: fungies-contract check <operationId> <status> <file.json|->'],
    [['run', '--bogus'], "Unknown option '--bogus'"],
    [['run', '--timeout', 'soon'], '--timeout must be a positive number'],
    [['run', '--timeout', '0'], '--timeout must be a positive number of milliseconds, got "0"'],
    [['run', '--max-response-time', '1.5'], '--max-response-time must be a positive number of milliseconds, got "1.5"'],
    [['run', '--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295, got "4294967296"'],
    [['run', '--seed', '-1'], "Option '--seed' argument is ambiguous"],
    [['send-webhook', 'http://127.0.0.1:9/', 'payment_success', '--timeout', '0'], '--timeout must be a positive number of milliseconds'],
    [['run', '--target', 'http://127.0.0.1:9/'], 'FUNGIES_PUBLIC_KEY is not set'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['run', '--target', 'ftp://example.com'], '--target must be an absolute http(s) URL'],
    [['run', '--target', 'http://me:hunter2@127.0.0.1:9/'], '--target must not carry a user name or password'],
    [['run', '--target', 'http://127.0.0.1:9/?x=1'], '--target must not have a query'],
    [['run', '--operation', 'NoSuchThing'], '--operation "NoSuchThing" matches no operation'],
  ])('exits 2 with one line for bad usage: %j', (argv, message) => expectUsageError(argv, message));

  it('exits 2 with one line when the target cannot be reached', async () => {
    const io = memoryIo('', { FUNGIES_PUBLIC_KEY: 'pub_UnreachableTest1' });
    expect(await main(['run', '--target', 'http://127.0.0.1:9'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^fungies-contract: cannot reach http:\/\/127\.0\.0\.1:9 \(.+\): is the server running and the URL right\?\n$/,
    );
  });

  it('prints the help with exit 0 on --help', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Exit codes');
  });

  it('refuses an endless input (/dev/zero) and one over 16 MiB in one line instead of hanging or filling memory', async () => {
    await expectUsageError(['check', OP, '200', '/dev/zero'], 'is larger than 16 MiB');
    const big = join(temp.dir, 'big.json');
    await writeFile(big, Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    await expectUsageError(['check', OP, '200', big], 'is larger than 16 MiB');
    const io = memoryIo(' '.repeat(16 * 1024 * 1024 + 1));
    expect(await main(['check', OP, '200', '-'], io)).toBe(2);
    expect(io.err()).toContain('stdin is larger than 16 MiB');
  });

  it('shows a binary file printable, never its raw control bytes', async () => {
    const file = join(temp.dir, 'binary.json');
    await writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x07]));
    const io = memoryIo();
    expect(await main(['check', OP, '200', file], io)).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that none of these reach the terminal.
    expect(io.out()).not.toMatch(/[\u0000\u0007\u001b]/);
  });
});
