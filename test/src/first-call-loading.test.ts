/**
 * node's fetch (undici: some 45 ms of CPU to load, with tls, http2 and zlib) is loaded by the first
 * read of the global Response, Headers, Request or FormData. The client's response is a Response,
 * so the first call needs it; it reads none of them before its request is on the wire, and loads
 * it while the server is answering instead of after the answer has come back.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cancelledOrder } from '../helpers.js';

const run = promisify(execFile);

const probe = `
import { createServer } from 'node:http';
const unread = (name) => { const d = Object.getOwnPropertyDescriptor(globalThis, name); return d !== undefined && !('value' in d); };
const NAMES = ['FormData', 'Headers', 'Request', 'Response'];
const before = NAMES.filter((n) => !unread(n));
let atArrival;
let loadedWhileWaiting = false;
const server = createServer(async (req, res) => {
  // Response may be loaded by now: the client starts that once the request is flushed.
  atArrival = NAMES.filter((n) => n !== 'Response' && !unread(n));
  // Answers once the client has loaded what reading the answer needs, or after 2 s without it.
  for (let i = 0; i < 400 && unread('Response'); i++) await new Promise((r) => setTimeout(r, 5));
  loadedWhileWaiting = !unread('Response');
  req.resume();
  res.setHeader('content-type', 'application/json');
  res.end(${JSON.stringify(JSON.stringify(cancelledOrder))});
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { createFungiesClient } = await import('./src/index.ts');
const client = createFungiesClient({ publicKey: 'pub_probe', secretKey: 'sec_probe', baseUrl: 'http://127.0.0.1:' + server.address().port });
const { data, response } = await client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });
server.close();
console.log(JSON.stringify({ before, atArrival, loadedWhileWaiting, isResponse: response instanceof Response, status: data?.status }));
`;

describe('the first call', () => {
  it("sends its request before loading node's fetch, and loads it while the server answers", async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({
      before: [],
      atArrival: [],
      loadedWhileWaiting: true,
      isResponse: true,
      status: 'success',
    });
  }, 40_000);
});
