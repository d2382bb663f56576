/**
 * The default way to send an attempt: node:http / node:https on keep-alive agents with a cap per
 * origin and an idle timeout. On loopback it costs a fraction of the global fetch per request (no
 * WHATWG Request, Response or web streams), never follows redirects, and the modules load on the
 * first request, not at import.
 */
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { isResponseLinked, linkResponse } from './buffered-response.js';
import type { AttemptDeadline } from './deadline.js';
import { BodyTooLarge, decodeChunks, type Exchange, type Outgoing, type Send } from './exchange.js';

type RequestFn = (url: string, options: RequestOptions, callback: (res: IncomingMessage) => void) => ClientRequest;
interface Protocol {
  request: RequestFn;
  agent: Agent;
}

/**
 * How long an idle keep-alive socket is kept: below what NATs and load balancers allow (minutes)
 * and what servers commonly keep (5 s), so the client closes it before anything in between drops
 * it silently. node's global agent keeps 5 s, undici 4 s.
 */
export const IDLE_SOCKET_MS = 4_000;

export interface HttpSendOptions {
  /** Connections per origin; calls beyond them wait for a free one, within their deadline. */
  maxSockets: number;
}

/** Codes of a connection that was gone before it carried anything (the peer closed or reset it). */
const GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** A sender with its own keep-alive agents (one per scheme, created on the first request). */
export function createHttpSender({ maxSockets }: HttpSendOptions): Send {
  const ready = new Map<string, Protocol>();
  const loading = new Map<string, Promise<Protocol>>();
  const load = (scheme: string): Promise<Protocol> => {
    let loaded = loading.get(scheme);
    if (!loaded) {
      loaded = (scheme === 'https:' ? import('node:https') : import('node:http')).then((m) => {
        const protocol = {
          request: m.request as unknown as RequestFn,
          // Idle keep-alive sockets do not hold the process open; `timeout` closes them when idle.
          agent: new m.Agent({ keepAlive: true, maxSockets, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' }),
        };
        ready.set(scheme, protocol);
        return protocol;
      });
      loading.set(scheme, loaded);
    }
    return loaded;
  };
  return (outgoing, deadline) => {
    const scheme = outgoing.url.startsWith('https:') ? 'https:' : 'http:';
    // Once the module is loaded, the request starts in this tick: no await per call.
    const protocol = ready.get(scheme);
    if (protocol) return send(protocol, outgoing, deadline, maxSockets);
    return load(scheme).then((loaded) => send(loaded, outgoing, deadline, maxSockets));
  };
}

/**
 * One promise for the attempt's request, settled with the response head. Each pooled socket can
 * turn out to be dead only once; then the agent opens a new one and the request goes again.
 */
function send(protocol: Protocol, outgoing: Outgoing, deadline: AttemptDeadline, maxSockets: number): Promise<Exchange> {
  const headers = plainHeaders(outgoing);
  return new Promise<Exchange>((resolve, reject) => {
    let req: ClientRequest;
    let bytesBefore = 0;
    let tries = 0;
    const start = () => {
      deadline.queued = true;
      req = protocol.request(outgoing.url, { method: outgoing.method, headers, agent: protocol.agent }, (res) =>
        resolve(new HttpExchange(outgoing.url, res)),
      );
      req.on('socket', (socket) => {
        deadline.queued = false;
        bytesBefore = socket.bytesRead;
      });
      req.on('error', (err: Error & { code?: string }) => {
        // A pooled socket the server (or a middlebox) had already closed: it was reset before a
        // single byte of an answer came back, so the request never reached the server and may be
        // sent again whatever its method (as node's and undici's agents do).
        const gone = neverSent(req, err, bytesBefore);
        if (gone && !deadline.stopped && tries++ <= maxSockets) start();
        else reject(err);
      });
      req.end(outgoing.body ?? undefined);
      // Until responses are Responses: the request is flushed, so node's fetch loads during the wait for the answer.
      if (!isResponseLinked()) req.once('finish', () => setImmediate(linkResponse));
    };
    start();
    // The deadline ends the request itself (queued, connecting or waiting for headers); no AbortSignal is made.
    deadline.onStop((reason) => {
      req.destroy(reason instanceof Error ? reason : new Error(String(reason)));
      reject(reason);
    });
  });
}

function plainHeaders(outgoing: Outgoing): Record<string, string> {
  // A record is the client's own, built for this call (lower-case names): completed in place. Told
  // apart by its prototype, not `instanceof Headers`: the first read of that global loads node's fetch.
  const own = outgoing.headers;
  const proto = Object.getPrototypeOf(own) as unknown;
  const headers: Record<string, string> =
    proto === Object.prototype || proto === null ? (own as Record<string, string>) : Object.fromEntries(own as Headers);
  if (typeof outgoing.body === 'string') headers['content-length'] = String(Buffer.byteLength(outgoing.body));
  else if (outgoing.body instanceof Uint8Array) headers['content-length'] = String(outgoing.body.byteLength);
  else delete headers['content-length'];
  return headers;
}

/** The response head as the transport reads it; a WHATWG Headers is built only when someone reads it (an error, Retry-After, a caller). */
class HttpExchange implements Exchange {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly #res: IncomingMessage;
  #headers: Headers | undefined;

  constructor(url: string, res: IncomingMessage) {
    this.url = url;
    this.#res = res;
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
  }

  get headers(): Headers {
    if (!this.#headers) {
      const headers = new Headers();
      const raw = this.#res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      this.#headers = headers;
    }
    return this.#headers;
  }

  header(name: string): string | null {
    return headerOf(this.#res, name);
  }

  read(limit: number, deadline: AttemptDeadline): Promise<string> {
    return read(this.#res, limit, deadline);
  }

  discard(): void {
    this.#res.destroy();
  }
}

/**
 * One header as node parses it (lower-case `name`; repeated ones joined or dropped as node does).
 * Read from the raw pairs when the header comes at most once, so node's header object (built on
 * first access, one entry per header) is not built for the few the client reads.
 */
function headerOf(res: IncomingMessage, name: string): string | null {
  const raw = res.rawHeaders;
  let found: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length !== name.length || key.toLowerCase() !== name) continue;
    if (found !== null) return parsedHeader(res, name);
    found = raw[i + 1]!;
  }
  return found;
}

function parsedHeader(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

function read(res: IncomingMessage, limit: number, deadline: AttemptDeadline): Promise<string> {
  // A complete message has nothing left to download (a HEAD's Content-Length announces a body that never comes).
  if (!res.complete && Number(headerOf(res, 'content-length')) > limit) {
    res.destroy();
    return Promise.reject(new BodyTooLarge());
  }
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (err: unknown) => {
      res.destroy();
      reject(err);
    };
    deadline.onStop(fail);
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) fail(new BodyTooLarge());
      else chunks.push(chunk);
    });
    res.on('end', () => {
      const encoding = headerOf(res, 'content-encoding')?.trim().toLowerCase();
      if (!encoding || encoding === 'identity' || size === 0) resolve(decodeChunks(chunks, size));
      else
        decompress(Buffer.concat(chunks, size), encoding, limit).then(
          (decoded) => resolve(decodeChunks([decoded], decoded.byteLength)),
          fail,
        );
    });
    res.on('error', fail);
    // A reset or a body shorter than its Content-Length closes without 'end'.
    res.on('close', () => {
      if (!res.complete) fail(Object.assign(new Error('the connection closed before the body was complete'), { code: 'ECONNRESET' }));
    });
  });
}

/**
 * We never ask for compression, but a server may compress anyway. Decoded in one step with
 * maxOutputLength, so a gzip bomb stops at the same cap as a plain body.
 */
async function decompress(body: Buffer, encoding: string, limit: number): Promise<Buffer> {
  const zlib = await import('node:zlib');
  const options = { maxOutputLength: limit };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, options);
    if (encoding === 'br') return zlib.brotliDecompressSync(body, options);
    if (encoding === 'deflate')
      return body[0] !== undefined && (body[0] & 0x0f) === 8 ? zlib.inflateSync(body, options) : zlib.inflateRawSync(body, options);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLarge();
    throw Object.assign(new Error(`the ${encoding} body could not be decompressed (${(err as Error).message})`), { code: 'EBADENCODING' });
  }
  throw Object.assign(new Error(`the body has an unsupported content-encoding "${encoding}"`), { code: 'EBADENCODING' });
}

/**
 * Whether `err` says `req`'s pooled socket was gone before the request reached the server (reset
 * before a byte of an answer came back). `bytesBefore`: the socket's bytesRead when `req` got it.
 */
export function neverSent(req: ClientRequest, err: Error & { code?: string }, bytesBefore: number): boolean {
  return req.reusedSocket && GONE.has(err.code ?? '') && (req.socket?.bytesRead ?? bytesBefore) === bytesBefore;
}
