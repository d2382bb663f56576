/**
 * The default way to send an attempt: node:http / node:https on keep-alive agents with a cap per
 * origin and an idle timeout. On loopback it costs a fraction of the global fetch per request (no
 * WHATWG Request, Response or web streams), never follows redirects, and the modules load on the
 * first request, not at import.
 */
import type { Agent, AgentOptions, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import { isResponseLinked, linkResponse } from './buffered-response.js';
import type { AttemptDeadline } from './deadline.js';
import { BodyTooLarge, decodeChunks, type Exchange, type Outgoing, type Send } from './exchange.js';
import { hasObjectPrototype } from './plain-object.js';

type RequestFn = {
  (url: string, options: RequestOptions, callback: (res: IncomingMessage) => void): ClientRequest;
  (options: RequestOptions, callback: (res: IncomingMessage) => void): ClientRequest;
};
/** node:http or node:https, with the keep-alive agent requests of that scheme go through. */
export interface NodeHttp {
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

/**
 * node:http or node:https by a URL's scheme, with a keep-alive agent of `agentOptions`, imported on
 * the scheme's first request (a client of an http origin never loads TLS). Once loaded it is
 * returned as it is, not as a promise: a request then starts in its caller's tick. Idle keep-alive
 * sockets do not hold the process open; `timeout` closes them when idle.
 */
export function nodeHttpLoader(agentOptions: AgentOptions = {}): (url: string) => NodeHttp | Promise<NodeHttp> {
  const ready = new Map<string, NodeHttp>();
  const loading = new Map<string, Promise<NodeHttp>>();
  return (url) => {
    const scheme = url.startsWith('https:') ? 'https:' : 'http:';
    const loaded = ready.get(scheme);
    if (loaded) return loaded;
    let pending = loading.get(scheme);
    if (!pending) {
      pending = (scheme === 'https:' ? import('node:https') : import('node:http')).then((m) => {
        const nodeHttp = {
          request: m.request as unknown as RequestFn,
          agent: new m.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS, ...agentOptions }),
        };
        ready.set(scheme, nodeHttp);
        return nodeHttp;
      });
      loading.set(scheme, pending);
    }
    return pending;
  };
}

/** A sender with its own keep-alive agents (one per scheme, created on the first request). */
export function createHttpSender({ maxSockets }: HttpSendOptions): Send {
  const load = nodeHttpLoader({ maxSockets, scheduling: 'lifo' });
  const origins = new Origins();
  return (outgoing, deadline) => {
    const loaded = load(outgoing.url);
    if (loaded instanceof Promise) return loaded.then((nodeHttp) => send(nodeHttp, origins, outgoing, deadline, maxSockets));
    return send(loaded, origins, outgoing, deadline, maxSockets);
  };
}

/** Where a request and its response keep their attempt's state, so their listeners are shared functions. */
const ATTEMPT = Symbol('fungies.attempt');
const BODY = Symbol('fungies.body');
type Tagged<T, K extends symbol, S> = T & { [key in K]: S };

/**
 * One promise for the attempt's request, settled with the response head. Each pooled socket can
 * turn out to be dead only once; then the agent opens a new one and the request goes again.
 * The attempt's state is one object and the request's listeners are module functions: a call
 * makes no closures on this path (a named closure costs more than it looks, as bundles with
 * keepNames give each one its name at run time).
 */
function send(protocol: NodeHttp, origins: Origins, outgoing: Outgoing, deadline: AttemptDeadline, maxSockets: number): Promise<Exchange> {
  const record = plainHeaders(outgoing);
  const origin = origins.of(outgoing.url);
  const options = requestOptions(outgoing, origin, headerList(outgoing, record, origin?.host) ?? record, protocol.agent);
  return new Promise<Exchange>((resolve, reject) => {
    const attempt = new Attempt(protocol, outgoing, options, deadline, maxSockets, resolve, reject);
    attempt.start();
    // The deadline ends the request itself (queued, connecting or waiting for headers); no AbortSignal is made.
    deadline.onStop((reason) => attempt.stop(reason));
  });
}

class Attempt {
  req: ClientRequest | undefined;
  /** The socket's bytesRead when the request got it. */
  bytesBefore = 0;
  tries = 0;

  constructor(
    readonly protocol: NodeHttp,
    readonly outgoing: Outgoing,
    /** With a path: everything node needs, the URL not parsed again; without, node parses the URL. */
    readonly options: RequestOptions,
    readonly deadline: AttemptDeadline,
    readonly maxSockets: number,
    readonly resolve: (exchange: Exchange) => void,
    readonly reject: (reason: unknown) => void,
  ) {}

  start(): void {
    this.deadline.queued = true;
    const { protocol, outgoing } = this;
    const { options } = this;
    const req = options.path === undefined ? protocol.request(outgoing.url, options, onResponse) : protocol.request(options, onResponse);
    (req as Tagged<ClientRequest, typeof ATTEMPT, Attempt>)[ATTEMPT] = this;
    this.req = req;
    req.on('socket', onSocket);
    req.on('error', onRequestError);
    req.end(outgoing.body ?? undefined);
    // Until responses are Responses: the request is flushed, so node's fetch loads during the wait for the answer.
    if (!isResponseLinked()) req.once('finish', linkSoon);
  }

  stop(reason: unknown): void {
    this.req?.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    this.reject(reason);
  }
}

function linkSoon(): void {
  setImmediate(linkResponse);
}

function attemptOf(req: ClientRequest): Attempt {
  return (req as Tagged<ClientRequest, typeof ATTEMPT, Attempt>)[ATTEMPT];
}

function onResponse(this: ClientRequest, res: IncomingMessage): void {
  const attempt = attemptOf(this);
  attempt.resolve(new HttpExchange(attempt.outgoing.url, res));
}

function onSocket(this: ClientRequest, socket: Socket): void {
  const attempt = attemptOf(this);
  attempt.deadline.queued = false;
  attempt.bytesBefore = socket.bytesRead;
}

function onRequestError(this: ClientRequest, err: Error & { code?: string }): void {
  const attempt = attemptOf(this);
  // A pooled socket the server (or a middlebox) had already closed: it was reset before a
  // single byte of an answer came back, so the request never reached the server and may be
  // sent again whatever its method (as node's and undici's agents do).
  const gone = neverSent(this, err, attempt.bytesBefore);
  if (gone && !attempt.deadline.stopped && attempt.tries++ <= attempt.maxSockets) attempt.start();
  else attempt.reject(err);
}

/**
 * What node's request() takes. A path the URL parser would leave as it is goes as options with
 * the origin parsed once (no URL parsed per request); anything else as the URL, for node to parse.
 */
function requestOptions(
  outgoing: Outgoing,
  origin: Origin | undefined,
  headers: Record<string, string> | string[],
  agent: Agent,
): RequestOptions {
  const { url, method } = outgoing;
  if (origin && Array.isArray(headers)) {
    const path = url.slice(origin.origin.length);
    if (PLAIN_PATH.test(path))
      return { protocol: origin.protocol, hostname: origin.hostname, port: origin.port, path, method, headers, agent };
  }
  return { method, headers, agent };
}

/** Methods node sends without a body length when they have no body (any other it sends with Content-Length: 0). */
const BODYLESS_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

/**
 * The request's headers as node's raw list (name, value, name, value…), the Host node would add
 * last: node writes such a list as it is, where a record costs a checked setHeader and a
 * [name, value] pair per header, then a Host and a Content-Length worked out again. It then
 * leaves both to us: the Host of the URL's authority, and Content-Length: 0 for a bodyless write,
 * as node sends them. Undefined when `host` is unknown: the record goes to node as before.
 */
function headerList(outgoing: Outgoing, record: Record<string, string>, host: string | undefined): string[] | undefined {
  if (host === undefined) return undefined;
  const list: string[] = [];
  let hasHost = false;
  for (const name in record) {
    if (name === 'host') hasHost = true;
    list.push(name, record[name]!);
  }
  if (!hasHost) list.push('Host', host);
  if (outgoing.body === null && !('content-length' in record) && !BODYLESS_BY_DEFAULT.has(outgoing.method.toUpperCase()))
    list.push('Content-Length', '0');
  return list;
}

function plainHeaders(outgoing: Outgoing): Record<string, string> {
  // A record is the client's own, built for this call (lower-case names): completed in place. Told
  // apart by its prototype, not `instanceof Headers`: the first read of that global loads node's fetch.
  const own = outgoing.headers;
  const headers: Record<string, string> = hasObjectPrototype(own) ? (own as Record<string, string>) : Object.fromEntries(own as Headers);
  if (typeof outgoing.body === 'string') headers['content-length'] = String(Buffer.byteLength(outgoing.body));
  else if (outgoing.body instanceof Uint8Array) headers['content-length'] = String(outgoing.body.byteLength);
  else delete headers['content-length'];
  return headers;
}

/** An origin as node would take it from a URL: the Host header it sends and where it connects. */
interface Origin {
  /** `http://127.0.0.1:8080`: what the URLs of this origin start with, up to their path. */
  origin: string;
  /** The Host header: the URL's host (brackets around an IPv6 address, no default port). */
  host: string;
  protocol: string;
  /** Without the brackets of an IPv6 address, as node's own URL-to-options conversion gives it. */
  hostname: string;
  port: string;
}

/**
 * The origin of a URL, parsed once: the last one is kept, as a client sends to one. Undefined for
 * what node must parse itself (a user name, no path).
 */
class Origins {
  #last: Origin | undefined;

  of(url: string): Origin | undefined {
    const last = this.#last;
    if (last && url.startsWith(last.origin) && url.charCodeAt(last.origin.length) === 47 /* / */) return last;
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    if (slash < 0) return undefined;
    const origin = url.slice(0, slash);
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return undefined;
    }
    if (parsed.username !== '' || parsed.password !== '') return undefined;
    const { hostname } = parsed;
    this.#last = {
      origin,
      host: parsed.host,
      protocol: parsed.protocol,
      hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
      port: parsed.port,
    };
    return this.#last;
  }
}

/**
 * A path and query the URL parser keeps as written: characters it never escapes, and no segment
 * that starts with a dot (or its escape), which it could resolve. Anything else takes the parser.
 */
const PLAIN_PATH = /^(?:\/(?!\.|%2e)[\w\-.~!$&()*+,;=:@%]*)+(?:\?[\w\-.~!$&()*+,;=:@/%?]*)?$/i;

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
    const body = new Body(res, limit, resolve, reject);
    (res as Tagged<IncomingMessage, typeof BODY, Body>)[BODY] = body;
    deadline.onStop((reason) => body.fail(reason));
    res.on('data', onData);
    res.on('end', onEnd);
    res.on('error', onBodyError);
    // A reset or a body shorter than its Content-Length closes without 'end'.
    res.on('close', onClose);
  });
}

/** A body being read: its chunks so far, within `limit` bytes. */
class Body {
  readonly chunks: Buffer[] = [];
  size = 0;

  constructor(
    readonly res: IncomingMessage,
    readonly limit: number,
    readonly resolve: (text: string) => void,
    readonly reject: (reason: unknown) => void,
  ) {}

  fail(err: unknown): void {
    this.res.destroy();
    this.reject(err);
  }
}

function bodyOf(res: IncomingMessage): Body {
  return (res as Tagged<IncomingMessage, typeof BODY, Body>)[BODY];
}

function onData(this: IncomingMessage, chunk: Buffer): void {
  const body = bodyOf(this);
  body.size += chunk.byteLength;
  if (body.size > body.limit) body.fail(new BodyTooLarge());
  else body.chunks.push(chunk);
}

function onEnd(this: IncomingMessage): void {
  const body = bodyOf(this);
  const encoding = headerOf(this, 'content-encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity' || body.size === 0) body.resolve(decodeChunks(body.chunks, body.size));
  else
    decompress(Buffer.concat(body.chunks, body.size), encoding, body.limit).then(
      (decoded) => body.resolve(decodeChunks([decoded], decoded.byteLength)),
      (err: unknown) => body.fail(err),
    );
}

function onBodyError(this: IncomingMessage, err: Error): void {
  bodyOf(this).fail(err);
}

function onClose(this: IncomingMessage): void {
  if (!this.complete)
    bodyOf(this).fail(Object.assign(new Error('the connection closed before the body was complete'), { code: 'ECONNRESET' }));
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
