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

type BufferedResponseClass = new (text: string, source: ResponseHead, endsAt?: number) => BufferedResponse;
let bufferedResponseClass: BufferedResponseClass | undefined;

/** A response over `text`, already read from the exchange `source`. */
export function createBufferedResponse(text: string, source: ResponseHead, endsAt?: number): BufferedResponse {
  bufferedResponseClass ??= defineBufferedResponse();
  return new bufferedResponseClass(text, source, endsAt);
}

export function isBufferedResponse(value: unknown): value is BufferedResponse {
  return bufferedResponseClass !== undefined && value instanceof bufferedResponseClass;
}

/** Defined on first use, not at import: a client that never gets a response need not define it. */
const defineBufferedResponse = (): BufferedResponseClass =>
  class BufferedResponse extends Response {
    readonly #source: ResponseHead;
    readonly #text: string;
    #parsed: unknown;
    #isParsed = false;
    readonly endsAt: number | undefined;

    constructor(text: string, source: ResponseHead, endsAt?: number) {
      super(null, { status: source.status, statusText: source.statusText });
      this.#source = source;
      this.#text = text;
      this.endsAt = endsAt;
    }

    override get headers(): Headers {
      return this.#source.headers;
    }

    override get url(): string {
      return this.#source.url;
    }

    override get redirected(): boolean {
      return false;
    }

    override get bodyUsed(): boolean {
      return false;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#text === '' ? null : new Response(this.#text).body;
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

    override text(): Promise<string> {
      return Promise.resolve(this.#text);
    }

    override json(): Promise<unknown> {
      try {
        return Promise.resolve(this.parsed());
      } catch (err) {
        return Promise.reject(err);
      }
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return new Response(this.#text).arrayBuffer();
    }

    override blob(): Promise<Blob> {
      return new Response(this.#text, { headers: this.headers }).blob();
    }

    override clone(): BufferedResponse {
      return new BufferedResponse(this.#text, this.#source, this.endsAt);
    }
  };
