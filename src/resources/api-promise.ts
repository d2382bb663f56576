/** What a resource method returns: a promise of the data that can also give the raw response (openai-node's model). */
import type { Paginator, Page as PaginatorPage } from '../paginate.js';
import { requestIdOf } from '../request-id.js';

/** The data with the response it came from. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** From the response's `x-request-id` (or `request-id`) header; undefined when the server sent none. */
  requestId: string | undefined;
}

type Send<T> = () => Promise<{ data: T; response: Response }>;

/**
 * Resolves to the 2xx `data`, or rejects with a typed error. `.withResponse()` resolves to the
 * data, the `Response` and the request id instead.
 */
export class ApiPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'ApiPromise';
  #send: Send<T>;
  #result: Promise<WithResponse<T>> | undefined;

  /** @param lazy when true, nothing is sent until the promise is awaited (list methods, which may only be iterated). */
  constructor(send: Send<T>, lazy = false) {
    this.#send = send;
    if (!lazy) this.#start();
  }

  #start(): Promise<WithResponse<T>> {
    this.#result ??= this.#send().then(answer);
    return this.#result;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#start();
  }

  // biome-ignore lint/suspicious/noThenProperty: an ApiPromise is awaited like a promise; it starts the request on first use.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One promise per await: the data is handed on directly, and onRejected sees only the call's failure.
    return this.#start().then(onFulfilled ? (r) => onFulfilled(r.data) : (r) => r.data as unknown as A, onRejected) as Promise<A | B>;
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}

/** `data` and the response it came from; the request id is read (and the response's Headers built) only when asked for. */
export class Answer<T> implements WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  #requestId: string | undefined | null = null;

  constructor(data: T, response: Response) {
    this.data = data;
    this.response = response;
  }

  get requestId(): string | undefined {
    if (this.#requestId === null) this.#requestId = requestIdOf(this.response.headers);
    return this.#requestId;
  }
}

function answer<T>(result: { data: T; response: Response }): WithResponse<T> {
  return result instanceof Answer ? result : new Answer(result.data, result.response);
}

/** How far `.toArray()` and `.pages()` of a list method walk (paginate's limits). */
export interface ListLimits {
  /** Stop after this many items. @default Infinity */
  maxItems?: number;
  /** Most pages fetched before giving up with `PaginationError`. @default 1000 */
  maxPages?: number;
}

/**
 * A list method's result: await it for one page, `for await` it for every item across pages, or
 * collect with `.toArray()` / walk `.pages()`, as `paginate()` does.
 */
export class ListPromise<Page, Item> extends ApiPromise<Page> implements AsyncIterable<Item> {
  #walk: (limits: ListLimits) => Paginator<Item>;

  constructor(send: Send<Page>, walk: (limits: ListLimits) => Paginator<Item>) {
    super(send, true);
    this.#walk = walk;
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#walk({})[Symbol.asyncIterator]();
  }

  /** Every item across pages (up to `maxItems`), in one array. */
  toArray(limits: ListLimits = {}): Promise<Item[]> {
    return this.#walk(limits).toArray();
  }

  /** The pages one by one, each with its items and the list's total when the server tells it. */
  pages(limits: ListLimits = {}): AsyncGenerator<PaginatorPage<Item>, void, undefined> {
    return this.#walk(limits).pages();
  }
}
