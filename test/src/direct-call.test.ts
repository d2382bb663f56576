/**
 * A call sent directly is what openapi-fetch would have made of it: the same headers on the wire
 * (merge order, null removes, arrays joined, values trimmed), the same result for each kind of
 * answer, and a call only openapi-fetch understands (parseAs, a Headers, FormData) goes through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFungiesClient, type FungiesClient } from '../../src/index.js';
import { PUBLIC_KEY, SECRET_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

/** Answers by path: `/answer/<status>/<kind>`; any other path gets a small JSON body. */
let server: Loopback;
beforeAll(async () => {
  server = await loopback((req, res) => {
    const [, , status, kind] = (req.url ?? '').split('?')[0]!.split('/');
    const code = Number(status) || 200;
    if (kind === 'json') {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end('{"status":"error","error":{"message":"no"}}');
    } else if (kind === 'text') {
      res.writeHead(code, { 'content-type': 'text/plain' });
      res.end('plain words');
    } else if (kind === 'empty-chunked') {
      res.writeHead(code, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.end();
    } else if (kind === 'sized') {
      // A length and no body: a HEAD's answer, or a 204 from a careless server.
      res.writeHead(code, { 'content-type': 'application/json', 'content-length': '35' });
      res.end(req.method === 'HEAD' || code === 204 ? undefined : '{"status":"success","data":{"a":1}}');
    } else if (kind === 'empty') {
      res.writeHead(code, { 'content-type': 'application/json', 'content-length': '0' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success","data":{"a":1}}');
    }
  });
});
afterAll(() => server.close());

type Call = (client: FungiesClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const raw = (client: FungiesClient) => client as unknown as Record<string, (path: string, init?: unknown) => ReturnType<Call>>;

/** What the server saw and what the call gave, sent directly and through openapi-fetch (a middleware makes a client use it). */
async function bothWays(call: Call, options: Record<string, unknown> = {}) {
  const once = async (viaOpenapiFetch: boolean) => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url, retry: false, ...options });
    if (viaOpenapiFetch) client.use({ onRequest: () => undefined });
    const before = server.seen.length;
    const given = await call(client);
    const { data, error, response } = given;
    const seen = server.seen.slice(before).map(({ method, url, headers, body }) => ({ method, url, headers, body }));
    // Which of data and error the result has, not only their values: `'error' in result` is how callers tell.
    return { seen, result: { data, error, status: response.status, keys: Object.keys(given).sort() } };
  };
  return { direct: await once(false), openapiFetch: await once(true) };
}

describe('headers of a call sent directly', () => {
  it('merge as openapi-fetch merges them: client, call, params.header; null removes; arrays join; values trimmed', async () => {
    const { direct, openapiFetch } = await bothWays(
      (client) =>
        raw(client).PATCH!('/v0/orders/{orderIdOrNumber}/cancel', {
          params: { path: { orderIdOrNumber: '#ABC123DEF456' }, header: { 'X-From-Params': ' p ', 'x-call': 'from params' } },
          body: {},
          headers: {
            'X-Call': 'from call',
            'x-client-a': null,
            'X-Client-B': ['  one', 'two\t', ' '],
            'x-trim': ' \t a  b \t ',
            'x-num': 7,
            'x-undefined': undefined,
            'x-list': ['1', '2'],
            'x-empty': [],
          },
        }),
      { headers: { 'X-Client-A': 'a', 'x-client-b': 'b', 'X-Client-C': ' c ' } },
    );
    expect(direct.seen).toEqual(openapiFetch.seen);
    const headers = direct.seen[0]!.headers;
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-call': 'from params',
      'x-client-b': 'b, one, two,',
      'x-client-c': 'c',
      'x-trim': 'a  b',
      'x-num': '7',
      'x-from-params': 'p',
      'x-list': '1, 2',
    });
    expect(headers).not.toHaveProperty('x-empty');
    expect(headers).not.toHaveProperty('x-client-a');
    expect(headers).not.toHaveProperty('x-undefined');
  });

  it('without a body carry no content-type; a call can set its own', async () => {
    const get = await bothWays((client) => raw(client).GET!('/v0/orders/list'));
    expect(get.direct.seen).toEqual(get.openapiFetch.seen);
    expect(get.direct.seen[0]!.headers).not.toHaveProperty('content-type');
    const own = await bothWays((client) =>
      raw(client).PATCH!('/v0/orders/{orderIdOrNumber}/cancel', {
        params: { path: { orderIdOrNumber: '#ABC123DEF456' } },
        body: {},
        headers: { 'Content-Type': 'application/merge-patch+json' },
      }),
    );
    expect(own.direct.seen).toEqual(own.openapiFetch.seen);
    expect(own.direct.seen[0]!.headers['content-type']).toBe('application/merge-patch+json');
  });
});

describe('the result of a call sent directly', () => {
  // The spec knows none of these paths: the answer reaches the caller as the server gave it.
  const cases: [string, string, string][] = [
    ['a JSON 2xx', 'GET', '/answer/200/ok'],
    ['a 204', 'GET', '/answer/204/empty'],
    ['a 204 that names a length', 'GET', '/answer/204/sized'],
    ['a 200 with Content-Length 0', 'GET', '/answer/200/empty'],
    ['a 200 with an empty chunked body', 'GET', '/answer/200/empty-chunked'],
    ['a HEAD', 'HEAD', '/answer/200/sized'],
    ['a JSON error', 'GET', '/answer/400/json'],
    ['a text error', 'GET', '/answer/400/text'],
    ['an error with Content-Length 0', 'GET', '/answer/404/empty'],
    ['an error with an empty chunked body', 'GET', '/answer/404/empty-chunked'],
  ];
  it.each(cases)('%s is what openapi-fetch gives', async (_name, method, path) => {
    const { direct, openapiFetch } = await bothWays((client) => raw(client)[method]!(path));
    expect(direct).toEqual(openapiFetch);
  });

  it('of a JSON 2xx is its parsed body; of an error its parsed or plain body', async () => {
    expect((await bothWays((client) => raw(client).GET!('/answer/200/ok'))).direct.result.data).toEqual({
      status: 'success',
      data: { a: 1 },
    });
    expect((await bothWays((client) => raw(client).GET!('/answer/400/text'))).direct.result.error).toBe('plain words');
    expect((await bothWays((client) => raw(client).GET!('/answer/400/json'))).direct.result.error).toEqual({
      status: 'error',
      error: { message: 'no' },
    });
  });
});

describe('a call only openapi-fetch understands goes through it', () => {
  it("parseAs: 'text' gives the text", async () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    const { data } = await raw(client).GET!('/answer/200/ok', { parseAs: 'text' });
    expect(data).toBe('{"status":"success","data":{"a":1}}');
  });

  it('headers given as a Headers are sent', async () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    const before = server.seen.length;
    await raw(client).GET!('/answer/200/ok', { headers: new Headers({ 'x-from-headers': 'yes' }) });
    expect(server.seen[before]!.headers['x-from-headers']).toBe('yes');
  });

  it('a FormData body is sent as multipart form data', async () => {
    const client = createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: server.url });
    const form = new FormData();
    form.set('note', 'hello');
    const before = server.seen.length;
    await raw(client).POST!('/answer/200/ok', { body: form });
    expect(server.seen[before]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.seen[before]!.body).toContain('hello');
  });
});
