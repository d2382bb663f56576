/**
 * A Response whose body was already read (with the size cap and the deadline) and is parsed at
 * most once: openapi-fetch's `response.json()`, the client's checks and `unwrap` share one parse.
 */

/** Status line and headers of the exchange the body came from. */
export interface ResponseHead {
  status: number;
  statusText: string;
  headers: Headers;
  /** One header's value without building `headers`, when the source can. */
  header?(name: string): string | null;
  url: string;
  /**
   * False when whoever reads the answer never needs it to be a Response: the contract kit's sender,
   * which records each exchange itself and drops the client's result. Its buffered responses are
   * then not linked to Response's prototype, and node's fetch is not loaded for them.
   */
  readonly asResponse?: false;
}

/** A Response over an already-read body. */
export interface BufferedResponse extends Response {
  /** The body text, as read. */
  readonly bodyText: string;
  /** The body parsed as JSON (once); throws SyntaxError when it is not JSON. */
  parsed(): unknown;
  /** One header (lower-case name), read without building a Headers where the transport allows. */
  header(name: string): string | null;
  /** `performance.now()` at which the attempt's timeout ends (work on the body, such as validation, must finish by then). */
  readonly endsAt: number | undefined;
  clone(): BufferedResponse;
}

/** A response over `text`, already read from the exchange `source`. */
export function createBufferedResponse(text: string, source: ResponseHead, endsAt?: number): BufferedResponse {
  if (!linked && source.asResponse !== false) linkResponse();
  return new Buffered(text, source, endsAt) as unknown as BufferedResponse;
}

/**
 * Makes the buffered responses Responses. Not at import: the first read of the global Response
 * loads node's fetch (undici, with tls, http2 and zlib: some 45 ms of CPU). A transport calls this
 * once its first request is on the wire, so that the load runs while the server answers.
 */
export function linkResponse(): void {
  if (linked) return;
  Object.setPrototypeOf(Buffered.prototype, Response.prototype);
  linked = true;
}

export function isResponseLinked(): boolean {
  return linked;
}

export function isBufferedResponse(value: unknown): value is BufferedResponse {
  return value instanceof Buffered;
}

/**
 * Every member of Response, answered from the read body and the exchange's head. It is a Response
 * (`instanceof Response`, its prototype chain) without running Response's constructor, which
 * builds a Headers, a body state and WebIDL conversions per call and cost more than the rest of
 * the client's bookkeeping on a small body. Anything that needs a real Response (a stream, a
 * Blob, form data) gets one built from the text when asked.
 */
class Buffered {
  readonly #source: ResponseHead;
  readonly #text: string;
  #parsed: unknown;
  #isParsed = false;
  readonly endsAt: number | undefined;

  constructor(text: string, source: ResponseHead, endsAt: number | undefined) {
    this.#source = source;
    this.#text = text;
    this.endsAt = endsAt;
  }

  get type(): ResponseType {
    return 'default';
  }

  get status(): number {
    return this.#source.status;
  }

  get ok(): boolean {
    const status = this.#source.status;
    return status >= 200 && status <= 299;
  }

  get statusText(): string {
    return this.#source.statusText;
  }

  get headers(): Headers {
    return this.#source.headers;
  }

  get url(): string {
    return this.#source.url;
  }

  get redirected(): boolean {
    return false;
  }

  get bodyUsed(): boolean {
    return false;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#text === '' ? null : this.#real().body;
  }

  header(name: string): string | null {
    return this.#source.header ? this.#source.header(name) : this.#source.headers.get(name);
  }

  /** The body text, as read. */
  get bodyText(): string {
    return this.#text;
  }

  /** The body parsed as JSON (once); throws SyntaxError when it is not JSON. */
  parsed(): unknown {
    if (!this.#isParsed) {
      this.#parsed = JSON.parse(this.#text) as unknown;
      this.#isParsed = true;
    }
    return this.#parsed;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#text);
  }

  json(): Promise<unknown> {
    try {
      return Promise.resolve(this.parsed());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#real().arrayBuffer();
  }

  bytes(): Promise<Uint8Array> {
    return this.#real()
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
  }

  blob(): Promise<Blob> {
    return this.#real().blob();
  }

  formData(): Promise<FormData> {
    return this.#real().formData();
  }

  clone(): Buffered {
    return new Buffered(this.#text, this.#source, this.endsAt);
  }

  /**
   * A real Response over the same text and headers, for what only one can do. Not its status: a
   * Response with a 204 or 304 status cannot carry a body, not even an empty one.
   */
  #real(): Response {
    return new Response(this.#text, { headers: this.headers });
  }

  /** Response's own inspector reads state this object does not have; node passes `inspect` in. */
  [Symbol.for('nodejs.util.inspect.custom')](depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    // The body is not shown: a server may echo what it was sent.
    const shown = { status: this.status, statusText: this.statusText, headers: this.headers, url: this.url };
    return `Response ${inspect(shown, { ...options, depth: Math.max(depth, 0) })}`;
  }
}

let linked = false;
