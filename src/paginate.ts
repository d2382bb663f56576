/**
 * Iterates every item of a list operation, page by page. The API pages in three styles (skip/take,
 * cursor/take, page/limit); which one an operation uses, and which property of `data` holds the
 * list, are read from the spec. A list ends only on proof (an empty page, `hasMore: false`, `count`
 * or `pages` reached, no next cursor), never on a short page: the server may cap a page below the
 * size asked for.
 */
import type { paths } from '../generated/api.js';
import { type PageList, pageLists } from '../generated/pagination.js';
import type { FungiesClient } from './client.js';
import { InvalidParameterError, PaginationError } from './errors.js';
import type { OperationMeta } from './operation-meta.js';
import { listOperations } from './operations.js';
import { redactExcerpt } from './redact.js';
import { unwrap } from './unwrap.js';

type Get<P extends keyof paths> = paths[P] extends { get: infer G } ? G : never;
// `query?: never` (no query parameters) must give no keys: keyof never is every key.
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty query, spread into a page query; `object` would not narrow.
type NoQuery = {};
type QueryOf<P extends keyof paths> =
  Get<P> extends { parameters: { query?: infer Q } } ? ([NonNullable<Q>] extends [never] ? NoQuery : NonNullable<Q>) : NoQuery;
type PathParamsOf<P extends keyof paths> =
  Get<P> extends { parameters: { path?: infer A } } ? ([NonNullable<A>] extends [never] ? undefined : NonNullable<A>) : undefined;
type DataOf<P extends keyof paths> =
  Get<P> extends { responses: { 200: { content: { 'application/json': { data: infer D } } } } } ? D : never;
/** The property of `data` that holds the page's items; never when the spec documents no list. */
type ListKey<P extends keyof paths> = {
  [K in keyof DataOf<P>]-?: NonNullable<DataOf<P>[K]> extends readonly unknown[] ? K : never;
}[keyof DataOf<P>];
/** The query parameters that say which page (skip/take, cursor/take, page/limit are the API's three styles). */
export const PAGE_POSITION_PARAMS = ['skip', 'cursor', 'page'] as const;
/** The query parameters that set a page's size. */
export const PAGE_SIZE_PARAMS = ['take', 'limit'] as const;
type PagingKey = (typeof PAGE_POSITION_PARAMS)[number] | (typeof PAGE_SIZE_PARAMS)[number];

/**
 * Paths of the list operations `paginate()` can walk: a documented paging style and a documented
 * list in the response (the users list pages, but the spec does not say what its data holds).
 */
export type PaginatedPath = {
  [P in keyof paths]: Get<P> extends never
    ? never
    : Extract<keyof QueryOf<P>, (typeof PAGE_POSITION_PARAMS)[number]> extends never
      ? never
      : [ListKey<P>] extends [never]
        ? never
        : P;
}[keyof paths];

/** The element type of the list a page carries (`data.orders`, `data.subscriptions`, …). */
export type PageItem<P extends PaginatedPath> = {
  [K in keyof DataOf<P>]-?: NonNullable<DataOf<P>[K]> extends readonly (infer U)[] ? U : never;
}[keyof DataOf<P>];

export interface PaginateOptions<P extends PaginatedPath> {
  /** Filters, as the operation documents them; the paging parameters are set by the iterator. */
  query?: Omit<QueryOf<P>, PagingKey>;
  /** Path parameters, for list operations under a resource (e.g. a user's inventory). */
  path?: PathParamsOf<P>;
  /**
   * Items asked for per request; the server may send fewer, which does not end the list.
   * @default 50
   */
  pageSize?: number;
  /**
   * Stop after this many items.
   * @default Infinity
   */
  maxItems?: number;
  /**
   * Most pages fetched before giving up with `PaginationError`, so a server whose paging never
   * ends cannot keep the loop going. Raise it (or `pageSize`) for lists longer than `maxPages × pageSize`.
   * @default 1000
   */
  maxPages?: number;
  /** Aborts the page request in flight and ends the iteration. */
  signal?: AbortSignal;
  /** Extra headers for every page request. */
  headers?: Record<string, string>;
}

/** One page of a list, as `Paginator.pages()` yields it. */
export interface Page<T> {
  /** The page's items (cut short only by `maxItems`). */
  readonly items: T[];
  /** The list's length as the API reports it (`count`), when it does. */
  readonly total: number | undefined;
  /** 1 for the first page. */
  readonly page: number;
}

/**
 * A list walked lazily: `for await` gives items, `pages()` gives pages with the total, `toArray()`
 * collects. Each iteration starts again from the first page.
 */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #pages: () => AsyncGenerator<Page<T>, void, undefined>;

  constructor(pages: () => AsyncGenerator<Page<T>, void, undefined>) {
    this.#pages = pages;
  }

  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#pages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.#pages()) yield* page.items;
  }

  async toArray(): Promise<T[]> {
    const all: T[] = [];
    // One push per item: spreading a page of 200 000 items as arguments overflows the stack.
    for await (const page of this.#pages()) for (const item of page.items) all.push(item);
    return all;
  }
}

interface Position {
  skip: number;
  page: number;
  cursor: string | undefined;
}
type PageData = Record<string, unknown>;

interface Style {
  readonly positionParam: (typeof PAGE_POSITION_PARAMS)[number];
  readonly sizeParam: (typeof PAGE_SIZE_PARAMS)[number];
  query(at: Position): Record<string, unknown>;
  /** The position of the next page, or undefined when this page proves the end. */
  next(at: Position, data: PageData, items: unknown[], path: string): Position | undefined;
}

const STYLES: readonly Style[] = [
  {
    positionParam: 'cursor',
    sizeParam: 'take',
    query: (at) => (at.cursor === undefined ? {} : { cursor: at.cursor }),
    next(at, data, _items, path) {
      const cursor = data['cursor'];
      if (typeof cursor !== 'string' || cursor === '') {
        if (data['hasMore'] === true)
          throw new PaginationError(`${path}: hasMore is true but no cursor came with it, so the next page cannot be asked for`);
        return undefined;
      }
      if (cursor === at.cursor) {
        throw new PaginationError(
          `${path}: the server sent the cursor ${JSON.stringify(redactExcerpt(cursor, [], 40))} again; stopping rather than asking for the same page forever`,
        );
      }
      return { ...at, cursor };
    },
  },
  {
    positionParam: 'skip',
    sizeParam: 'take',
    query: (at) => ({ skip: at.skip }),
    next: (at, _data, items) => ({ ...at, skip: at.skip + items.length }),
  },
  {
    positionParam: 'page',
    sizeParam: 'limit',
    query: (at) => ({ page: at.page }),
    next: (at, data) => (typeof data['pages'] === 'number' && at.page >= data['pages'] ? undefined : { ...at, page: at.page + 1 }),
  },
];

interface Plan {
  operation: OperationMeta;
  style: Style;
  listKey: string;
  /** The numeric bounds of the page-size parameter's schema. */
  sizeBounds: PageList['queryBounds'][string] | undefined;
}

/** How each pageable operation pages, read once from the spec. */
const PLANS = new Map<string, Plan>();
for (const operation of listOperations()) {
  if (operation.method !== 'get') continue;
  const query = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const style = STYLES.find((s) => query.has(s.positionParam));
  // The list property is read from the spec at spec:generate (generated/pagination.ts), by the same rule as the resource methods.
  const list = pageLists[operation.path];
  if (style && list) PLANS.set(operation.path, { operation, style, listKey: list.listKey, sizeBounds: list.queryBounds[style.sizeParam] });
}

/** The paths `paginate()` accepts at run time; the `PaginatedPath` type names the same ones. */
export const paginatedPaths: readonly PaginatedPath[] = [...PLANS.keys()] as PaginatedPath[];

/**
 * Every item across pages, requesting the next page only when the caller needs it. Errors are
 * thrown as by `unwrap` (a `FungiesApiError` subclass for a non-2xx); a list whose paging cannot be
 * followed to its end throws `PaginationError` rather than returning part of it.
 *
 * @example
 * for await (const order of paginate(client, '/v0/orders/list', { query: { statuses: ['PAID'] } })) { … }
 * for await (const page of paginate(client, '/v0/orders/list').pages()) console.log(page.page, page.items.length, page.total);
 */
export function paginate<P extends PaginatedPath>(
  client: FungiesClient,
  path: P,
  options: PaginateOptions<P> = {},
): Paginator<PageItem<P>> {
  return new Paginator(() => walk(client, path, options) as AsyncGenerator<Page<PageItem<P>>, void, undefined>);
}

async function* walk(
  client: FungiesClient,
  path: string,
  options: PaginateOptions<PaginatedPath>,
): AsyncGenerator<Page<unknown>, void, undefined> {
  const plan = PLANS.get(path);
  if (!plan) throw new PaginationError(`${path} is not a paginated list operation: use one of ${paginatedPaths.join(', ')}`);
  const { pageSize, maxItems, maxPages } = checkOptions(plan, options);
  if (maxItems === 0) return;
  type Result = { data?: { data?: unknown }; error?: unknown; response: Response };
  // The path is generic here; the caller's types were checked at the call site.
  const get = client.GET as unknown as (path: string, init: unknown) => Promise<Result>;
  let at: Position = { skip: 0, page: 1, cursor: undefined };
  let yielded = 0;
  let fetched = 0;
  let previous: string | undefined;
  // Every cursor asked for: a server whose cursors cycle (A → B → A) is caught at the first repeat.
  const cursors = new Set<string>();
  for (let number = 1; ; number++) {
    if (number > maxPages) {
      throw new PaginationError(
        `${path}: stopped after ${maxPages} pages without reaching the end of the list; pass a larger maxPages (or pageSize) if the list is that long`,
      );
    }
    const paging = { [plan.style.sizeParam]: pageSize, ...plan.style.query(at) };
    const init = {
      params: { path: options.path, query: { ...(options.query ?? {}), ...paging } },
      signal: options.signal,
      headers: options.headers,
    };
    const body = (await unwrap(get(path, init))) as { data?: unknown } | undefined;
    const data = (body?.data ?? {}) as PageData;
    const items = data[plan.listKey];
    if (!Array.isArray(items)) throw new PaginationError(`${path}: the page has no ${JSON.stringify(plan.listKey)} list in its data`);
    const fingerprint = fingerprintOf(items);
    if (items.length > 0 && fingerprint !== undefined && fingerprint === previous) {
      throw new PaginationError(`${path}: ${repeatReason(plan, at, data)}; stopping rather than asking for the same page forever`);
    }
    previous = fingerprint;
    const total = typeof data['count'] === 'number' ? data['count'] : undefined;
    const room = maxItems - yielded;
    const shown = items.length > room ? items.slice(0, room) : items;
    yielded += shown.length;
    fetched += items.length;
    yield { items: shown, total, page: number };
    if (items.length === 0 || yielded >= maxItems || data['hasMore'] === false || (total !== undefined && fetched >= total)) return;
    const next = plan.style.next(at, data, items, path);
    if (next === undefined) return;
    if (next.cursor !== undefined) {
      if (cursors.has(next.cursor)) {
        throw new PaginationError(
          `${path}: the server sent the cursor ${JSON.stringify(redactExcerpt(next.cursor, [], 40))} again, after other pages; stopping rather than walking the same pages in a circle`,
        );
      }
      cursors.add(next.cursor);
    }
    at = next;
  }
}

function repeatReason(plan: Plan, at: Position, data: PageData): string {
  if (plan.style.positionParam === 'cursor' && data['cursor'] === at.cursor)
    return `the server sent the cursor ${JSON.stringify(redactExcerpt(String(at.cursor), [], 40))} again`;
  return `the server returned the same page twice (${plan.style.positionParam} did not move the list on)`;
}

/**
 * A page's identity, to notice a server that ignores the paging parameter: the ids of its items,
 * which are unique in a list. Undefined when an item has no id: equal items without ids may be
 * legitimately repeated, and `maxPages` still bounds the walk.
 */
function fingerprintOf(items: unknown[]): string | undefined {
  const ids: unknown[] = [];
  for (const item of items) {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') return undefined;
    ids.push(id);
  }
  return JSON.stringify(ids);
}

function checkOptions(plan: Plan, options: PaginateOptions<PaginatedPath>): { pageSize: number; maxItems: number; maxPages: number } {
  const { operation, sizeBounds } = plan;
  const pageSize = options.pageSize ?? 50;
  const where = `query.${plan.style.sizeParam}`;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new InvalidParameterError(
      operation.operationId,
      where,
      `paginate ${operation.path}: pageSize must be a whole number ≥ 1; got ${String(pageSize)}`,
    );
  }
  const broken = sizeBounds ? outsideBounds(sizeBounds, pageSize) : undefined;
  if (broken) {
    throw new InvalidParameterError(
      operation.operationId,
      where,
      `paginate ${operation.path}: pageSize ${pageSize} is not allowed (${plan.style.sizeParam} ${broken})`,
    );
  }
  const maxItems = options.maxItems ?? Infinity;
  if (typeof maxItems !== 'number' || Number.isNaN(maxItems) || maxItems < 0) {
    throw new PaginationError(`paginate ${operation.path}: maxItems must be a number ≥ 0 (or Infinity); got ${String(maxItems)}`);
  }
  const maxPages = options.maxPages ?? 1000;
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new PaginationError(`paginate ${operation.path}: maxPages must be a whole number ≥ 1; got ${String(maxPages)}`);
  return { pageSize, maxItems, maxPages };
}

/** The bound of the page-size parameter's schema that `value` breaks, read without Ajv (the client loads none). */
function outsideBounds(bounds: PageList['queryBounds'][string], value: number): string | undefined {
  const { minimum: min, maximum: max, exclusiveMinimum: xMin, exclusiveMaximum: xMax } = bounds;
  if (min !== undefined && value < min) return `must be >= ${min}`;
  if (max !== undefined && value > max) return `must be <= ${max}`;
  if (xMin !== undefined && value <= xMin) return `must be > ${xMin}`;
  if (xMax !== undefined && value >= xMax) return `must be < ${xMax}`;
  return undefined;
}
