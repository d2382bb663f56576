/** Loopback node:http servers for hostile-network tests: 127.0.0.1 only, closed by the test that opened them. */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { afterEach } from 'vitest';

export interface Loopback {
  url: string;
  /** Every request the server saw, with its body. */
  seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

export type LoopbackHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Starts a server on 127.0.0.1:0; `close()` destroys open sockets so a hanging handler cannot keep it alive. */
export async function loopback(handler: LoopbackHandler, options: { keepAliveTimeout?: number } = {}): Promise<Loopback> {
  const sockets = new Set<Socket>();
  const seen: Loopback['seen'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < 1_000_000) body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` every `everyMs` until the client goes away or `maxMs` passes (so a broken client cannot keep it busy forever). */
export function drip(res: ServerResponse, chunk: string | Buffer, everyMs: number, maxMs = 10_000): void {
  const started = Date.now();
  const timer = setInterval(() => {
    if (res.destroyed || Date.now() - started > maxMs) {
      clearInterval(timer);
      res.destroy();
      return;
    }
    res.write(chunk);
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** For a test file: `serve` opens a loopback server that is closed after the test that opened it. */
export function serveClosedAfterEach(): (handler: LoopbackHandler) => Promise<Loopback> {
  const open: Loopback[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await loopback(handler);
    open.push(server);
    return server;
  };
}

export interface RawServer {
  url: string;
  port: number;
  /** Connections accepted so far. */
  connections: () => number;
  /** The first bytes each connection sent. */
  firstBytes: Buffer[];
  /** The connection of each request, in the order they came. */
  requestsOn: number[];
  /** Whether every connection the server accepted is closed (waits up to 5 s for it). */
  allClosed: () => Promise<boolean>;
  /** Destroys open sockets, then closes the server. */
  close: () => Promise<void>;
}

/**
 * A raw TCP server on 127.0.0.1:0, for what node:http would not let a test write or would read
 * for it: `onRequest` gets the socket, the index of its connection and the request head (without
 * the blank line) for each request it reads, its body skipped by its Content-Length.
 */
export async function rawServer(onRequest: (socket: Socket, connection: number, head: string) => void): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const firstBytes: Buffer[] = [];
  const requestsOn: number[] = [];
  let connections = 0;
  const server = createNetServer((socket) => {
    const connection = connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      if (buffered === '') firstBytes.push(chunk);
      buffered += chunk.toString('latin1');
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) {
          // Not HTTP (a TLS hello): nothing more will make it a request.
          if (buffered !== '' && !/^[A-Z]/.test(buffered)) socket.destroy();
          return;
        }
        const head = buffered.slice(0, end);
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        requestsOn.push(connection);
        onRequest(socket, connection, head);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const allClosed = async () => {
    for (let i = 0; i < 100 && sockets.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return sockets.size === 0;
  };
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, port, connections: () => connections, firstBytes, requestsOn, allClosed, close };
}
