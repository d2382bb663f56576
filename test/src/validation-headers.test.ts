/**
 * validateResponses over the node:http sender reads the one header it needs (the content type) from
 * the response as node parsed it: a validated call builds no WHATWG Headers, like a plain one.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFungiesClient, ResponseValidationError } from '../../src/index.js';
import { cancelledOrder, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

let body = JSON.stringify(cancelledOrder);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs `fn` with the global Headers counting how many are constructed. */
async function countingHeaders(fn: () => Promise<unknown>): Promise<number> {
  const Original = globalThis.Headers;
  let built = 0;
  globalThis.Headers = class extends Original {
    constructor(...args: ConstructorParameters<typeof Headers>) {
      super(...args);
      built++;
    }
  };
  try {
    await fn();
  } finally {
    globalThis.Headers = Original;
  }
  return built;
}

describe('validateResponses over node:http', () => {
  const cancel = (client: ReturnType<typeof createFungiesClient>) =>
    client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });

  it('validates a conforming body without building a Headers for the response', async () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl, validateResponses: true });
    await cancel(client); // loads the operation's validators
    let data: unknown;
    const built = await countingHeaders(async () => {
      data = (await cancel(client)).data;
    });
    expect(data).toEqual(cancelledOrder);
    expect(built).toBe(0);
  });

  it('still rejects a body that breaks the spec, by the content type node parsed', async () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl, validateResponses: true });
    body = JSON.stringify({ ...cancelledOrder, status: 'done' });
    try {
      const error = await cancel(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/status const']);
    } finally {
      body = JSON.stringify(cancelledOrder);
    }
  });
});
