/**
 * The node:http sender on its own, against raw loopback servers: the scheme picks the module, the
 * response head is read as node parsed it, the body is read within its cap and its deadline, and a
 * compressed body is decoded within the same cap.
 */
import type { Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AttemptDeadline } from '../../src/deadline.js';
import { BodyTooLarge, type Exchange } from '../../src/exchange.js';
import { createHttpSender } from '../../src/http-send.js';
import { settle } from '../helpers.js';
import { type RawServer, rawServer } from '../loopback.js';

const closers: (() => Promise<void>)[] = [];
const deadlines: AttemptDeadline[] = [];
afterEach(async () => {
  for (const deadline of deadlines.splice(0)) deadline.done();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function raw(onRequest: Parameters<typeof rawServer>[0]): Promise<RawServer> {
  const server = await rawServer(onRequest);
  closers.push(server.close);
  return server;
}

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

/** A deadline the test ends itself (afterEach), with a caller signal when given. */
function deadline(timeout: number | false = 10_000, signal?: AbortSignal): AttemptDeadline {
  const made = new AttemptDeadline(timeout, signal);
  deadlines.push(made);
  return made;
}

const get = (url: string) => ({ url, method: 'GET', headers: {}, body: null });

/** Sends a GET to `url` + `/x` and reads the body with `limit`: the text, or what it threw. */
async function fetchText(sender: ReturnType<typeof createHttpSender>, url: string, limit = 1_000_000): Promise<unknown> {
  const d = deadline();
  const exchange = await sender(get(`${url}/x`), d);
  return exchange.read(limit, d).catch((e: unknown) => e);
}

describe('the scheme', () => {
  it('https: goes over TLS, http: in clear', async () => {
    const server = await raw((socket) => socket.destroy());
    const sender = createHttpSender({ maxSockets: 4 });
    const httpsUrl = server.url.replace('http:', 'https:');
    expect(await settle(sender(get(`${httpsUrl}/x`), deadline()))).toBeInstanceOf(Error);
    expect(await settle(sender(get(`${server.url}/x`), deadline()))).toBeInstanceOf(Error);
    // A TLS record starts with 0x16 (handshake); an HTTP request with its method.
    expect(server.firstBytes[0]![0]).toBe(0x16);
    expect(server.firstBytes[1]!.toString('latin1')).toMatch(/^GET \/x HTTP\/1\.1\r\n/);
  });
});

describe('the response head', () => {
  it('is read as node parses it: status line, each header once, repeated ones joined or dropped', async () => {
    const server = await raw((socket) =>
      socket.write(
        head([
          "HTTP/1.1 418 I'm a teapot",
          'X-Once: v',
          'X-Twice: 1',
          'x-twice: 2',
          'Content-Type: text/a',
          'content-type: text/b',
          'Set-Cookie: c=1',
          'Set-Cookie: d=2',
          'Content-Length: 0',
        ]),
      ),
    );
    const exchange: Exchange = await createHttpSender({ maxSockets: 1 })(get(`${server.url}/x`), deadline());
    expect([exchange.status, exchange.statusText, exchange.url]).toEqual([418, "I'm a teapot", `${server.url}/x`]);
    expect(['x-once', 'x-twice', 'content-type', 'set-cookie', 'x-none'].map((name) => exchange.header!(name))).toEqual([
      'v',
      '1, 2',
      // node keeps the first of a header that may come once
      'text/a',
      'c=1, d=2',
      null,
    ]);
    expect([...exchange.headers.entries()]).toEqual([
      ['content-length', '0'],
      ['content-type', 'text/a, text/b'],
      ['set-cookie', 'c=1'],
      ['set-cookie', 'd=2'],
      ['x-once', 'v'],
      ['x-twice', '1, 2'],
    ]);
    // Built once: what a caller reads twice is the same object.
    expect(exchange.headers).toBe(exchange.headers);
    exchange.discard();
  });
});

describe('the body', () => {
  const sized = (body: string, chunked: boolean) =>
    chunked
      ? `${head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked'])}${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`
      : `${head(['HTTP/1.1 200 OK', `Content-Length: ${body.length}`])}${body}`;

  it.each([
    ['a Content-Length', false],
    ['chunks', true],
  ])('of exactly the cap with %s is read; one byte more is too large', async (_name, chunked) => {
    const server = await raw((socket) => socket.write(sized('x'.repeat(100), chunked)));
    const sender = createHttpSender({ maxSockets: 1 });
    expect(await fetchText(sender, server.url, 100)).toBe('x'.repeat(100));
    expect(await fetchText(sender, server.url, 99)).toBeInstanceOf(BodyTooLarge);
  });

  it('of exactly the cap, announced and arriving after the head, is read', async () => {
    const server = await raw((socket) => {
      socket.write(head(['HTTP/1.1 200 OK', 'Content-Length: 100']));
      setTimeout(() => socket.write('x'.repeat(100)), 50);
    });
    expect(await fetchText(createHttpSender({ maxSockets: 1 }), server.url, 100)).toBe('x'.repeat(100));
  });

  it('of a HEAD is empty, whatever length it announces (no body follows a HEAD)', async () => {
    const server = await raw((socket) => socket.write(head(['HTTP/1.1 200 OK', 'Content-Length: 10000000'])));
    const d = deadline();
    const exchange = await createHttpSender({ maxSockets: 1 })({ ...get(`${server.url}/x`), method: 'HEAD' }, d);
    expect(await exchange.read(1_000_000, d).catch((e: unknown) => e)).toBe('');
  });

  it('announced above the cap is refused before a byte of it arrives, and its connection closed', async () => {
    // The body never comes: only the Content-Length can end this read before the deadline.
    const server = await raw((socket) => socket.write(head(['HTTP/1.1 200 OK', 'Content-Length: 10000000'])));
    expect(await fetchText(createHttpSender({ maxSockets: 1 }), server.url, 1_000_000)).toBeInstanceOf(BodyTooLarge);
    expect(server.connections()).toBe(1);
    expect(await server.allClosed()).toBe(true);
  });
});

describe('a compressed body', () => {
  const TEXT = `{"status":"success","data":{"text":"${'abc'.repeat(200)}"}}`;
  const answer = (encoding: string, body: Buffer) => (socket: Socket) =>
    socket.write(
      Buffer.concat([Buffer.from(head(['HTTP/1.1 200 OK', `Content-Encoding: ${encoding}`, `Content-Length: ${body.length}`])), body]),
    );

  it.each([
    ['gzip', gzipSync(TEXT)],
    ['x-gzip', gzipSync(TEXT)],
    ['GZip', gzipSync(TEXT)],
    ['br', brotliCompressSync(TEXT)],
    ['deflate', deflateSync(TEXT)],
    // Servers send raw deflate under this name too.
    ['deflate', deflateRawSync(TEXT)],
    ['identity', Buffer.from(TEXT)],
  ])('in %s is decoded', async (encoding, body) => {
    const server = await raw(answer(encoding, body));
    expect(await fetchText(createHttpSender({ maxSockets: 1 }), server.url)).toBe(TEXT);
  });

  it('that is empty is an empty text, whatever its encoding says', async () => {
    const server = await raw(answer('gzip', Buffer.alloc(0)));
    expect(await fetchText(createHttpSender({ maxSockets: 1 }), server.url)).toBe('');
  });

  it.each([
    ['gzip', gzipSync(Buffer.alloc(10_000_000))],
    ['br', brotliCompressSync(Buffer.alloc(10_000_000))],
    ['deflate', deflateSync(Buffer.alloc(10_000_000))],
  ])('in %s that decodes past the cap is too large', async (encoding, bomb) => {
    const server = await raw(answer(encoding, bomb));
    expect(await fetchText(createHttpSender({ maxSockets: 1 }), server.url, 1_000_000)).toBeInstanceOf(BodyTooLarge);
  });

  it('that does not decode is an error naming the encoding', async () => {
    const server = await raw(answer('gzip', Buffer.from('not gzip at all')));
    const error = (await fetchText(createHttpSender({ maxSockets: 1 }), server.url)) as Error & { code?: string };
    expect(error.code).toBe('EBADENCODING');
    expect(error.message).toMatch(/^the gzip body could not be decompressed \(.+\)$/);
  });

  it('in an encoding the client does not know is an error naming it', async () => {
    const server = await raw(answer('compress', Buffer.from('abc')));
    const error = (await fetchText(createHttpSender({ maxSockets: 1 }), server.url)) as Error & { code?: string };
    expect(error.code).toBe('EBADENCODING');
    expect(error.message).toBe('the body has an unsupported content-encoding "compress"');
  });
});

describe('a stopped attempt', () => {
  it("rejects with the caller's own reason, waiting for the head or reading the body", async () => {
    const silent = await raw(() => undefined);
    const sender = createHttpSender({ maxSockets: 1 });
    const waiting = new AbortController();
    const sent = settle(sender(get(`${silent.url}/x`), deadline(false, waiting.signal)));
    waiting.abort('stop');
    expect(await sent).toBe('stop');

    const dripping = await raw((socket) => socket.write(`${head(['HTTP/1.1 200 OK', 'Content-Length: 100'])}abc`));
    const reading = new AbortController();
    const d = deadline(false, reading.signal);
    const exchange = await sender(get(`${dripping.url}/x`), d);
    const read = settle(exchange.read(1000, d));
    reading.abort('stop reading');
    expect(await read).toBe('stop reading');
  });

  it('a connection reset mid-body rejects the read with ECONNRESET', async () => {
    const server = await raw((socket) => {
      socket.write(`${head(['HTTP/1.1 200 OK', 'Content-Length: 100'])}abc`);
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    const error = (await fetchText(createHttpSender({ maxSockets: 1 }), server.url)) as Error & { code?: string };
    expect(error.code).toBe('ECONNRESET');
  });

  it('a body cut short by a clean close rejects the read', async () => {
    const server = await raw((socket) => {
      socket.write(`${head(['HTTP/1.1 200 OK', 'Content-Length: 100'])}abc`);
      setTimeout(() => socket.end(), 20);
    });
    const error = (await fetchText(createHttpSender({ maxSockets: 1 }), server.url)) as Error & { code?: string };
    expect(error.code).toBe('ECONNRESET');
  });
});

describe('connections', () => {
  const ok = (socket: Socket) => socket.write(`${head(['HTTP/1.1 200 OK', 'Content-Length: 2'])}ok`);

  it('calls that start together before the module is loaded share one agent and its cap', async () => {
    const server = await raw(ok);
    const sender = createHttpSender({ maxSockets: 1 });
    expect(await Promise.all([fetchText(sender, server.url), fetchText(sender, server.url), fetchText(sender, server.url)])).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    expect(server.connections()).toBe(1);
  });

  it('once the module is loaded, a request starts in the same tick as the call', async () => {
    const server = await raw(ok);
    const sender = createHttpSender({ maxSockets: 1 });
    expect(await fetchText(sender, server.url)).toBe('ok');
    const d = deadline();
    const sent = sender(get(`${server.url}/x`), d);
    // Set when the request is made, cleared when it gets a socket (a later tick).
    expect(d.queued).toBe(true);
    expect(await (await sent).read(10, d)).toBe('ok');
  });

  it('the most recently freed connection is reused first (the others may idle out)', async () => {
    // Connection 0 answers at once, connection 1 later: 1 is the last one freed.
    const server = await raw((socket, connection) => setTimeout(() => ok(socket), connection === 1 ? 100 : 0));
    const sender = createHttpSender({ maxSockets: 2 });
    await Promise.all([fetchText(sender, server.url), fetchText(sender, server.url)]);
    expect(await fetchText(sender, server.url)).toBe('ok');
    expect(server.connections()).toBe(2);
    expect(server.requestsOn[2]).toBe(1);
  });
});

describe('the request', () => {
  it('carries no Content-Length a middleware left on a request without a body (the server would wait for it)', async () => {
    const server = await raw((socket) => socket.write(`${head(['HTTP/1.1 200 OK', 'Content-Length: 2'])}ok`));
    const d = deadline();
    const outgoing = {
      url: `${server.url}/x`,
      method: 'GET',
      headers: new Headers({ 'content-length': '5', 'x-kept': 'yes' }),
      body: null,
    };
    const exchange = await createHttpSender({ maxSockets: 1 })(outgoing, d);
    expect(await exchange.read(10, d)).toBe('ok');
    const sent = server.firstBytes[0]!.toString('latin1').toLowerCase();
    expect(sent).toContain('x-kept: yes');
    expect(sent).not.toContain('content-length');
  });
});

describe('a response dropped unread', () => {
  it('closes its connection rather than leave the body downloading', async () => {
    const server = await raw((socket) => {
      socket.write(head(['HTTP/1.1 302 Found', 'Location: /elsewhere', 'Content-Length: 1000000']));
      const timer = setInterval(() => socket.write('x'.repeat(1000)), 5);
      socket.on('close', () => clearInterval(timer));
    });
    const exchange = await createHttpSender({ maxSockets: 1 })(get(`${server.url}/x`), deadline());
    exchange.discard();
    expect(await server.allClosed()).toBe(true);
  });
});
