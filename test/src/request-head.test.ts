/**
 * The request head the node:http sender writes, byte for byte as a server reads it: a Host with
 * the port, a Content-Length for every body (0 for a bodyless write, none for a bodyless read),
 * never chunked, the caller's headers once each, keep-alive asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AttemptDeadline } from '../../src/deadline.js';
import { createHttpSender } from '../../src/http-send.js';
import { rawServer } from '../loopback.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A raw server that answers every request head with an empty 200 and keeps the heads it read. */
async function recorder(): Promise<{ url: string; port: number; heads: string[] }> {
  const heads: string[] = [];
  const server = await rawServer((socket, _connection, head) => {
    heads.push(head);
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
  });
  closers.push(server.close);
  return { url: server.url, port: server.port, heads };
}

/** The head of one request sent by a fresh sender, its lines split and names lower-cased. */
async function headOf(
  method: string,
  body: string | Uint8Array | null,
  headers: Record<string, string> = {},
  path = '/v0/x?a=1',
): Promise<string[]> {
  const server = await recorder();
  const deadline = new AttemptDeadline(10_000, undefined);
  try {
    const exchange = await createHttpSender({ maxSockets: 1 })({ url: `${server.url}${path}`, method, headers, body }, deadline);
    await exchange.read(100, deadline);
  } finally {
    deadline.done();
  }
  expect(server.heads).toHaveLength(1);
  const [first, ...rest] = server.heads[0]!.split('\r\n');
  return [first!, ...rest.map((line) => line.replace(/^[^:]+/, (name) => name.toLowerCase()))];
}

describe('the request head', () => {
  it('a write with a body: its Content-Length, the Host with its port, the headers given, keep-alive', async () => {
    const lines = await headOf('PATCH', '{"a":"é"}', { 'content-type': 'application/json', 'x-one': 'v' });
    const port = new URL(`http://${lines.find((l) => l.startsWith('host: '))!.slice(6)}`).port;
    expect(lines[0]).toBe('PATCH /v0/x?a=1 HTTP/1.1');
    expect(lines.slice(1).sort()).toEqual(
      ['connection: keep-alive', 'content-length: 10', 'content-type: application/json', `host: 127.0.0.1:${port}`, 'x-one: v'].sort(),
    );
  });

  it.each(['POST', 'PUT', 'PATCH'])('a %s without a body says Content-Length: 0, not chunked', async (method) => {
    const lines = await headOf(method, null);
    expect(lines).toContain('content-length: 0');
    expect(lines.join('\n')).not.toMatch(/transfer-encoding/);
  });

  it.each(['GET', 'DELETE', 'HEAD', 'OPTIONS'])('a %s without a body has neither Content-Length nor Transfer-Encoding', async (method) => {
    const lines = await headOf(method, null);
    expect(lines.join('\n')).not.toMatch(/content-length|transfer-encoding/);
    expect(lines[0]).toBe(`${method} /v0/x?a=1 HTTP/1.1`);
  });

  it('each header once, as given; a body of bytes gets its length', async () => {
    const lines = await headOf('POST', new Uint8Array([1, 2, 3]), { 'user-agent': 'ua/1', 'x-fngs-public-key': 'pub_x' });
    expect(lines.filter((l) => l.startsWith('user-agent: '))).toEqual(['user-agent: ua/1']);
    expect(lines.filter((l) => l.startsWith('x-fngs-public-key: '))).toEqual(['x-fngs-public-key: pub_x']);
    expect(lines).toContain('content-length: 3');
    expect(lines.filter((l) => l.startsWith('host: '))).toHaveLength(1);
  });

  it.each([
    [
      'a plain path and query, as written',
      "/v0/orders/%23A1/cancel?take=5&sort=a:b,c(d)*~!$'@",
      '/v0/orders/%23A1/cancel?take=5&sort=a:b,c(d)*~!$%27@',
    ],
    ['spaces, quotes and non-ASCII escaped', '/v0/a b/"é"?q=x y<>', '/v0/a%20b/%22%C3%A9%22?q=x%20y%3C%3E'],
    ['dot segments resolved', '/v0/a/./b/../c/%2e/d/.%2E/e', '/v0/a/c/e'],
    ['a fragment dropped', '/v0/a?b=1#frag', '/v0/a?b=1'],
    ['a backslash read as a slash', '/v0\\a', '/v0/a'],
  ])('the request target: %s, as the URL parser gives it', async (_name, path, sent) => {
    const lines = await headOf('GET', null, {}, path);
    expect(lines[0]).toBe(`GET ${sent} HTTP/1.1`);
  });
});
