/**
 * A loopback node:http server answering every request with the same 718-byte cancel-order body,
 * and `GET /v0/orders/list?take=N` with a page of N orders (the large-list rows), in its own
 * process (startServerProcess) so its CPU is not charged to the client measured.
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BODY_BYTES = 718;

const order = {
  object: 'order',
  id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  number: '#ABC123DEF456',
  status: 'CANCELLED',
  value: 4999,
  tax: 0,
  fee: 150,
  totalItems: 1,
  currency: 'USD',
  currencyDecimals: 2,
  createdAt: 1700000000000,
  userId: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  lastPaymentId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  lastPaymentNumber: '#PAY123DEF456',
  subscriptionId: null,
  orderNumber: '#ABC123DEF456',
  country: '',
};

/** A body the spec accepts, padded (in a free-text field) to exactly BODY_BYTES. */
export function cancelOrderBody(): string {
  const bare = JSON.stringify({ status: 'success', data: { order } });
  const pad = BODY_BYTES - Buffer.byteLength(bare);
  if (pad < 0) throw new Error(`the cancel-order body is already ${Buffer.byteLength(bare)} bytes`);
  return JSON.stringify({ status: 'success', data: { order: { ...order, country: 'x'.repeat(pad) } } });
}

/** The largest list page the server builds. */
export const MAX_LIST_ORDERS = 10_000;

/** A list page of `count` orders the spec accepts, each with its own id and number. */
export function orderListBody(count: number): string {
  const orders = Array.from({ length: count }, (_, i) => {
    const suffix = i.toString(16).padStart(12, '0');
    const number = `#${i.toString(36).toUpperCase().padStart(12, 'A')}`;
    return { ...order, id: `3c90c3cc-0d44-4b50-8888-${suffix}`, number, orderNumber: number, status: 'PAID' };
  });
  return JSON.stringify({ status: 'success', data: { orders, count } });
}

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  const body = Buffer.from(cancelOrderBody());
  const lists = new Map<number, Buffer>();
  const listOf = (count: number) => {
    let list = lists.get(count);
    if (!list) {
      list = Buffer.from(orderListBody(count));
      lists.set(count, list);
    }
    return list;
  };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const take = req.url?.startsWith('/v0/orders/list') ? Number(new URL(req.url, 'http://x').searchParams.get('take')) : Number.NaN;
      const answer = Number.isInteger(take) && take > 0 && take <= MAX_LIST_ORDERS ? listOf(take) : body;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The same server in a child process: the client's process spends its CPU on the client only. */
export async function startServerProcess(): Promise<BenchServer> {
  const child = fork(new URL('./server-main.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(String(m)));
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
