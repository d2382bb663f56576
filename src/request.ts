/**
 * FungiesRequest: the object openapi-fetch builds for each call (its `Request` option), in place of
 * a WHATWG Request. It keeps the caller's own `signal`, the body as serialized and the
 * per-request options as given, so the transport can send each attempt without a Request
 * construction, a body tee or a derived signal (which undici may lose to garbage collection).
 */
import type { OperationMeta } from './operation-meta.js';

const NEVER_ABORTED = new AbortController().signal;

export class FungiesRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The caller's signal, exactly as passed (never a derived one); the transport listens to this. */
  readonly callerSignal: AbortSignal | undefined;
  /** The serialized body (a JSON string for the spec's operations), resent as is on a retry. */
  readonly bodyInit: BodyInit | null;
  /** Per-request options, checked by the transport. */
  readonly timeout: unknown;
  readonly retry: unknown;
  readonly maxResponseBytes: unknown;
  /** Set by the client's middleware: the spec operation and path template this request is for. */
  operation: OperationMeta | undefined;
  schemaPath: string | undefined;

  constructor(input: string | URL | FungiesRequest, init: RequestInit & Record<string, unknown> = {}) {
    const base = input instanceof FungiesRequest ? input : undefined;
    this.url = base ? base.url : String(input);
    this.method = (init.method ?? base?.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers ?? base?.headers);
    this.callerSignal = init.signal ?? base?.callerSignal ?? undefined;
    this.bodyInit = init.body ?? base?.bodyInit ?? null;
    this.timeout = init.timeout ?? base?.timeout;
    this.retry = init.retry ?? base?.retry;
    this.maxResponseBytes = init.maxResponseBytes ?? base?.maxResponseBytes;
    this.operation = base?.operation;
    this.schemaPath = base?.schemaPath;
  }

  /** Middleware written for WHATWG Requests may return one; openapi-fetch checks with `instanceof`. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === FungiesRequest.prototype) || value instanceof Request
    );
  }

  /** As on a WHATWG Request, always a signal, for middleware that reads `request.signal.aborted`. */
  get signal(): AbortSignal {
    return this.callerSignal ?? NEVER_ABORTED;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.bodyInit === null ? null : new Response(this.bodyInit).body;
  }

  clone(): FungiesRequest {
    return new FungiesRequest(this, { headers: new Headers(this.headers) });
  }

  text(): Promise<string> {
    return new Response(this.bodyInit).text();
  }

  json(): Promise<unknown> {
    return new Response(this.bodyInit).json();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return new Response(this.bodyInit).arrayBuffer();
  }
}
