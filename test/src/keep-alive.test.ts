/**
 * Keep-alive sockets on a long-lived client: idle ones are closed before a middlebox drops them,
 * and a request that provably never reached the server (a reused socket reset before any byte of
 * an answer) is sent again on a fresh one, whatever its method. One that may have reached it is not.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFungiesClient, FungiesConnectionError } from '../../src/index.js';
import { cancelledOrder, PUBLIC_KEY, SECRET_KEY } from '../helpers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

type OnRequest = (socket: Socket, index: number, requestOnSocket: number) => void;

/** A raw HTTP/1.1 server: `onRequest` decides, per request, whether to answer, reset or half-answer. */
async function rawServer(
  onRequest: OnRequest,
): Promise<{ url: string; requests: () => number; connections: () => number; open: () => number }> {
  let requests = 0;
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    let onThisSocket = 0;
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: *(\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        onRequest(socket, requests++, onThisSocket++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests: () => requests, connections: () => connections, open: () => sockets.size };
}

function answer(socket: Socket): void {
  const body = JSON.stringify(cancelledOrder);
  socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

const clientFor = (url: string) => createFungiesClient({ publicKey: PUBLIC_KEY, secretKey: SECRET_KEY, baseUrl: url, retry: false });
const cancel = (client: ReturnType<typeof clientFor>) =>
  client.PATCH('/v0/orders/{orderIdOrNumber}/cancel', { params: { path: { orderIdOrNumber: '#ABC123DEF456' } }, body: {} });

describe('a reused keep-alive socket', () => {
  it('reset before any byte of an answer: the PATCH is sent again on a new connection', async () => {
    // The first request on each connection is answered; the second is met with a reset, as when a
    // server or middlebox dropped the idle connection just as the client reused it.
    const server = await rawServer((socket, _index, onSocket) => (onSocket === 0 ? answer(socket) : socket.resetAndDestroy()));
    const client = clientFor(server.url);
    expect((await cancel(client)).data).toEqual(cancelledOrder);
    const { data, error } = await cancel(client);
    expect(error).toBeUndefined();
    expect(data).toEqual(cancelledOrder);
    expect(server.connections()).toBe(2);
  });

  it('reset after part of an answer: the PATCH may have been applied and is not sent again', async () => {
    const server = await rawServer((socket, _index, onSocket) => {
      if (onSocket === 0) return answer(socket);
      socket.write('HTTP/1.1 200 OK\r\ncontent-');
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    const client = clientFor(server.url);
    await cancel(client);
    const error = await cancel(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect(server.requests()).toBe(2);
  });

  it('a fresh connection reset after the request was read: the PATCH is not sent again', async () => {
    const server = await rawServer((socket) => socket.resetAndDestroy());
    const error = await cancel(clientFor(server.url)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FungiesConnectionError);
    expect(server.requests()).toBe(1);
  });
});

describe('idle keep-alive sockets', () => {
  it('are closed by the client within seconds, before a NAT or load balancer drops them', { timeout: 20_000 }, async () => {
    // This server never closes a connection: only the client can.
    const server = await rawServer((socket) => answer(socket));
    await cancel(clientFor(server.url));
    expect(server.open()).toBe(1);
    const started = Date.now();
    while (server.open() > 0 && Date.now() - started < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.open()).toBe(0);
  });
});
