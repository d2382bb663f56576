/**
 * How the suite puts a request on the wire: node:http(s) on keep-alive agents, one deadline over
 * the headers and the whole body, the body read once under the cap and decoded as fetch decodes it.
 * No WHATWG Request, Response or stream is built here: a check records plain values, and the
 * client gets a Response only for what it must parse (exchange.ts). Redirects are never followed.
 */
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { urlToHttpOptions } from 'node:url';
import { type NodeHttp, neverSent, nodeHttpLoader } from '../../src/http-send.js';
import { BodyCapExceeded, DeadlineExceeded } from './capped-body.js';

/** A request as the suite sends it: header names lower-case, the URL as WHATWG writes it. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** What came back: the status line, the raw header pairs and the body, decoded and capped. */
export interface WireResponse {
  status: number;
  statusText: string;
  /** As node received them: name, value, name, value… */
  rawHeaders: string[];
  body: Buffer;
}

export interface WireLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** The scheme's module and agent, loaded on its first request (a run against http never loads TLS). */
const nodeHttp = nodeHttpLoader();

type Endpoint = Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'auth'>;

/** Where each origin's requests go, as node reads it from a URL: parsed once per origin, not per request. */
const endpoints = new Map<string, Endpoint>();

/** node's request options for `url` (a URL as WHATWG writes it): its origin's endpoint and the path with the query. */
function requestTarget(url: string): Endpoint & { path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const origin = slash < 0 ? url : url.slice(0, slash);
  let endpoint = endpoints.get(origin);
  if (!endpoint) {
    const { protocol, hostname, port, auth } = urlToHttpOptions(new URL(origin));
    endpoint = { protocol, hostname, port, ...(auth !== undefined ? { auth } : {}) };
    endpoints.set(origin, endpoint);
  }
  const rest = slash < 0 ? '/' : url.slice(slash);
  // As node sends a URL: the path and the query, never the fragment.
  const hash = rest.indexOf('#');
  return { ...endpoint, path: hash < 0 ? rest : rest.slice(0, hash) };
}

/**
 * Sends `request` and reads the whole answer within `limits.timeoutMs`; throws DeadlineExceeded
 * past it and BodyCapExceeded past `limits.maxBytes` decoded bytes (the download stops either way).
 */
export function sendOnWire(request: WireRequest, limits: WireLimits): Promise<WireResponse> {
  const loaded = nodeHttp(request.url);
  return loaded instanceof Promise ? loaded.then((p) => sendWith(p, request, limits)) : sendWith(loaded, request, limits);
}

function sendWith({ request: send, agent }: NodeHttp, request: WireRequest, limits: WireLimits): Promise<WireResponse> {
  const headers = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const options: RequestOptions = { ...requestTarget(request.url), method: request.method, headers, agent };
  return new Promise<WireResponse>((resolve, reject) => {
    let current: ClientRequest | undefined;
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      current?.destroy(new DeadlineExceeded(limits.timeoutMs));
      reject(new DeadlineExceeded(limits.timeoutMs));
    }, limits.timeoutMs);
    // A pooled socket can turn out to be dead once per socket; then the agent opens a new one.
    const attempt = (tries: number) => {
      exchangeOnce(send, options, request.body, limits.maxBytes, (req) => (current = req)).then(
        (response) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(response);
        },
        (err: unknown) => {
          if (settled) return;
          if ((err as { neverSent?: boolean }).neverSent && tries < 3) return attempt(tries + 1);
          settled = true;
          clearTimeout(timer);
          reject(err);
        },
      );
    };
    attempt(0);
  });
}

function exchangeOnce(
  send: NodeHttp['request'],
  options: RequestOptions,
  body: WireRequest['body'],
  maxBytes: number,
  started: (req: ClientRequest) => void,
): Promise<WireResponse> {
  return new Promise<WireResponse>((resolve, reject) => {
    let bytesBefore = 0;
    const req = send(options, (res) => {
      readCapped(res, maxBytes).then(
        (body) => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', rawHeaders: res.rawHeaders, body }),
        (err: unknown) => {
          res.destroy();
          reject(err);
        },
      );
    });
    started(req);
    req.on('socket', (socket) => {
      bytesBefore = socket.bytesRead;
    });
    req.on('error', (err: Error & { code?: string }) => {
      reject(neverSent(req, err, bytesBefore) ? Object.assign(err, { neverSent: true }) : err);
    });
    req.end(body);
  });
}

/** The body, decoded as fetch decodes it, at most `maxBytes` decoded bytes. */
async function readCapped(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(res.headers['content-length']) > maxBytes) throw new BodyCapExceeded(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    res.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) reject(new BodyCapExceeded(maxBytes));
      else chunks.push(chunk);
    });
    res.on('end', resolve);
    res.on('error', reject);
    // A reset, or a body shorter than its Content-Length, closes without 'end'.
    res.on('close', () => {
      if (!res.complete)
        reject(Object.assign(new Error('terminated: the connection closed before the body was complete'), { code: 'ECONNRESET' }));
    });
  });
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const codings = codingsOf(res.headers['content-encoding']);
  return codings.length === 0 || size === 0 ? body : decode(body, codings, maxBytes);
}

/**
 * The codings to undo, last applied first, as fetch reads Content-Encoding: gzip, x-gzip, deflate
 * and br; any other coding leaves the body as it came.
 */
function codingsOf(header: string | undefined): string[] {
  if (!header) return [];
  const codings = header
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.every((c) => KNOWN_CODINGS.has(c)) ? codings.reverse() : [];
}

const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** Decoded in one step each with maxOutputLength, so a gzip bomb stops at the same cap as a plain body. */
async function decode(body: Buffer, codings: readonly string[], maxBytes: number): Promise<Buffer> {
  const zlib = await import('node:zlib');
  const options = { maxOutputLength: maxBytes };
  let out = body;
  for (const coding of codings) {
    try {
      if (coding === 'br') out = zlib.brotliDecompressSync(out, options);
      else if (coding === 'deflate')
        out = out[0] !== undefined && (out[0] & 0x0f) === 8 ? zlib.inflateSync(out, options) : zlib.inflateRawSync(out, options);
      else out = zlib.gunzipSync(out, options);
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyCapExceeded(maxBytes);
      throw Object.assign(new Error(`terminated: the ${coding} body could not be decoded (${(err as Error).message})`), { cause: err });
    }
  }
  return out;
}
