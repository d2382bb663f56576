/** A real loopback server that echoes the request's keys back: no key comes out of the error a caller gets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFungiesClient, type FungiesClient, FungiesError, unwrap } from '../../src/index.js';
import { everythingPrinted, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

type Reply = (keys: { pub: string; sec: string }) => { status: number; headers: Record<string, string>; body: string };

const replies: Record<string, Reply> = {
  // An error envelope and headers that repeat both keys glued to other characters.
  '/v0/orders/list': ({ pub, sec }) => ({
    status: 400,
    headers: { 'content-type': 'application/json', 'x-echo': `Z${pub}.`, 'set-cookie': `s=${sec}/x` },
    body: JSON.stringify({
      status: 'error',
      error: { message: `key Z${pub}+ rejected` },
      request: { headers: { 'x-fngs-public-key': pub } },
    }),
  }),
  // A 2xx proxy page that is not JSON.
  '/v0/subscriptions/list': ({ pub }) => ({ status: 200, headers: { 'content-type': 'text/html' }, body: `<p>Z${pub}.</p>` }),
  // A 2xx JSON body that breaks the schema where the key is echoed.
  '/v0/payments/list': ({ pub }) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'success', data: { payments: `Z${pub}/`, count: `${pub}+` } }),
  }),
};

let server: Loopback;
let client: FungiesClient;

beforeAll(async () => {
  server = await loopback((req, res) => {
    const reply = replies[new URL(req.url ?? '/', 'http://x').pathname];
    const keys = { pub: String(req.headers['x-fngs-public-key'] ?? ''), sec: String(req.headers['x-fngs-secret-key'] ?? SECRET_KEY) };
    const { status, headers, body } = reply ? reply(keys) : { status: 404, headers: {}, body: '' };
    res.writeHead(status, headers).end(body);
  });
  client = createFungiesClient({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl: server.url,
    retry: false,
    timeout: 5_000,
    validateResponses: true,
  });
});

afterAll(async () => {
  await server?.close();
});

describe('a server echoing the keys', () => {
  it.each([
    ['an API error (headers, envelope, body)', () => unwrap(client.GET('/v0/orders/list'))],
    ['a 2xx that is not JSON', () => client.GET('/v0/subscriptions/list')],
    ['a 2xx that breaks the schema', () => client.GET('/v0/payments/list')],
  ])(
    '%s: the error carries no key',
    async (_name, call) => {
      const err = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(FungiesError);
      const text = everythingPrinted(err);
      expect(text).not.toContain(PUBLIC_KEY.slice(4));
      expect(text).not.toContain(SECRET_KEY.slice(4));
    },
    10_000,
  );
});
