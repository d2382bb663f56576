/**
 * Iterates every item of a list operation, page by page. The API pages in three styles (skip/take,
 * cursor/take, page/limit); which one an operation uses is read from its query parameters in the spec.
 */
import type { paths } from '../generated/api.js';
import type { FungiesClient } from './client.js';
import { FungiesError } from './errors.js';
import { findOperation } from './operations.js';
import { unwrap } from './unwrap.js';

type Get<P extends keyof paths> = paths[P] extends { get: infer G } ? G : never;
// `query?: never` (no query parameters) must give no keys: keyof never is every key.
type QueryOf<P extends keyof paths> = Get<P> extends { parameters: { query?: infer Q } } ? ([NonNullable<Q>] extends [never] ? {} : NonNullable<Q>) : {};
type PathParamsOf<P extends keyof paths> = Get<P> extends { parameters: { path?: infer A } } ? ([NonNullable<A>] extends [never] ? undefined : NonNullable<A>) : undefined;
type DataOf<P extends keyof paths> = Get<P> extends { responses: { 200: { content: { 'application/json': { data: infer D } } } } } ? D : never;
type PagingKey = 'skip' | 'take' | 'cursor' | 'page' | 'limit';

/** Paths of the list operations that page in one of the three documented styles. */
export type PaginatedPath = {
  [P in keyof paths]: Get<P> extends never ? never : Extract<keyof QueryOf<P>, 'skip' | 'cursor' | 'page'> extends never ? never : P;
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
   * Items asked for per request.
   * @default 50
   */
  pageSize?: number;
  /**
   * Stop after this many items.
   * @default Infinity
   */
  maxItems?: number;
}

type Style = 'offset' | 'cursor' | 'page';

function styleOf(path: string): { style: Style; sizeParam: string } {
  const names = new Set(findOperation('GET', path)?.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  if (names.has('cursor')) return { style: 'cursor', sizeParam: 'take' };
  if (names.has('skip')) return { style: 'offset', sizeParam: 'take' };
  if (names.has('page')) return { style: 'page', sizeParam: 'limit' };
  throw new FungiesError(`${path} is not a paginated list operation (no skip, cursor or page query parameter in the spec)`);
}

/** The one array in `data`: the page's items. */
function itemsOf(path: string, data: unknown): unknown[] {
  const lists = Object.values((data ?? {}) as Record<string, unknown>).filter(Array.isArray);
  if (lists.length !== 1) throw new FungiesError(`${path}: expected one list in the response's data, found ${lists.length}`);
  return lists[0] as unknown[];
}

/**
 * Yields every item across pages, requesting the next page only when the caller needs it.
 * Errors are thrown as by `unwrap` (a `FungiesApiError` subclass for a non-2xx).
 *
 * @example
 * for await (const order of paginate(client, '/v0/orders/list', { query: { statuses: ['PAID'] } })) { … }
 */
export async function* paginate<P extends PaginatedPath>(client: FungiesClient, path: P, options: PaginateOptions<P> = {}): AsyncGenerator<PageItem<P>> {
  const { style, sizeParam } = styleOf(path);
  const pageSize = options.pageSize ?? 50;
  const maxItems = options.maxItems ?? Infinity;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new FungiesError(`paginate: pageSize must be a whole number ≥ 1; got ${String(pageSize)}`);
  let yielded = 0;
  let skip = 0;
  let page = 1;
  let cursor: string | undefined;
  type Page = { data?: Record<string, unknown> };
  type Result = { data: Page; error?: never; response: Response } | { data?: never; error: unknown; response: Response };
  // The path is generic here; the caller's types were checked at the call site.
  const get = client.GET as unknown as (path: string, init: unknown) => Promise<Result>;
  for (;;) {
    const paging: Record<string, unknown> = { [sizeParam]: pageSize };
    if (style === 'offset') paging['skip'] = skip;
    if (style === 'page') paging['page'] = page;
    if (style === 'cursor' && cursor !== undefined) paging['cursor'] = cursor;
    const body = await unwrap(get(path, { params: { path: options.path, query: { ...(options.query ?? {}), ...paging } } }));
    const data = body?.data;
    const items = itemsOf(path, data);
    for (const item of items) {
      if (yielded >= maxItems) return;
      yielded++;
      yield item as PageItem<P>;
    }
    if (items.length === 0 || yielded >= maxItems) return;
    if (style === 'offset') {
      skip += items.length;
      const count = data?.['count'];
      if (items.length < pageSize || (typeof count === 'number' && skip >= count)) return;
    } else if (style === 'page') {
      const pages = data?.['pages'];
      if ((typeof pages === 'number' && page >= pages) || items.length < pageSize) return;
      page++;
    } else {
      const next = data?.['cursor'];
      // Without hasMore or a new cursor, asking again would return the same page forever.
      if (data?.['hasMore'] === false || typeof next !== 'string' || next === '' || next === cursor) return;
      cursor = next;
    }
  }
}
