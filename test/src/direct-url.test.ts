/** A call sent directly goes to the very URL openapi-fetch builds for it (the path and query serializers' own output). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFungiesClient, type FungiesClient } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

let server: Loopback;
beforeAll(async () => {
  server = await loopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"success","data":{}}');
  });
});
afterAll(() => server.close());

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const OTHER = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

const calls: [string, string, Record<string, unknown>][] = [
  ['an order number', '/v0/orders/{orderIdOrNumber}', { path: { orderIdOrNumber: '#ABC123DEF456' } }],
  ['two path parameters', '/v0/offers/{offerId}/keys/{keyId}/removeUnsold', { path: { offerId: UUID, keyId: OTHER } }],
  ['no parameters', '/v0/orders/list', {}],
  ['an empty query', '/v0/orders/list', { query: {} }],
  ['a query', '/v0/orders/list', { query: { take: 5, skip: 0, status: ['PAID', 'CANCELLED'], search: 'a&b=c#d' } }],
  ['a path and a query', '/v0/orders/{orderIdOrNumber}', { path: { orderIdOrNumber: UUID }, query: { expand: 'x y' } }],
  ['a number and a boolean in a path the spec does not know', '/v0/unknown/{a}/{b}', { path: { a: 12, b: true } }],
  ['the same parameter twice', '/v0/unknown/{a}/{a}', { path: { a: 'x/y' } }],
  ['a label and a matrix parameter', '/v0/unknown/{.a}/{;b}', { path: { a: 'x', b: 'y' } }],
  ['an exploded array', '/v0/unknown/{a*}', { path: { a: ['x', 'y'] } }],
  ['an object', '/v0/unknown/{a}', { path: { a: { k: 'v' } } }],
  ['a missing value', '/v0/unknown/{a}/{b}', { path: { a: 'x' } }],
  ['no path object', '/v0/unknown/{a}', {}],
];

async function sentUrl(client: FungiesClient, path: string, params: Record<string, unknown>): Promise<string> {
  const before = server.seen.length;
  await (client as unknown as { GET: (p: string, i: unknown) => Promise<unknown> }).GET(path, { params });
  return server.seen[before]!.url;
}

describe('the URL of a call sent directly', () => {
  it.each(calls)('with %s is the one openapi-fetch builds', async (_name, path, params) => {
    const direct = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    const throughOpenapiFetch = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    throughOpenapiFetch.use({ onRequest: () => undefined });
    const expected = await sentUrl(throughOpenapiFetch, path, params);
    expect(await sentUrl(direct, path, params)).toBe(expected);
    // Twice: the second call reuses what the first worked out about the path.
    expect(await sentUrl(direct, path, params)).toBe(expected);
  });
});
