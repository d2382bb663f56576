/** Turns the generated resource table into the functions of `fungies.orders.list()` and friends. */
import type { FungiesClient } from '../client.js';
import { InvalidParameterError } from '../errors.js';
import { type PaginatedPath, type Paginator, paginate } from '../paginate.js';
import { isPlainObject } from '../plain-object.js';
import { type RequestOptions, requestInit } from '../request-options.js';
import { successData } from '../unwrap.js';
import { Answer, ApiPromise, ListPromise } from './api-promise.js';
import { isMethodSpec, type ResourceMethodSpec, type ResourceTable } from './resource-table.js';

type Result = { data?: unknown; error?: unknown; response: Response };
type Call = (path: string, init: Record<string, unknown>) => Promise<Result>;
type Init = ReturnType<typeof requestInit>;

const PAGING = ['skip', 'take', 'cursor', 'page', 'limit'];

export function buildResources<R>(client: FungiesClient, table: ResourceTable, prefix = ''): R {
  const out: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(table)) {
    out[name] = isMethodSpec(node) ? bindMethod(client, node, `${prefix}${name}`) : buildResources(client, node, `${prefix}${name}.`);
  }
  return Object.freeze(out) as R;
}

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/** JavaScript callers get the check TypeScript gives typed ones: the argument, by name and position. */
function checkArguments(spec: ResourceMethodSpec, name: string, path: Record<string, unknown>, body: unknown, query: unknown): void {
  const { pathParams } = spec;
  for (let i = 0; i < pathParams.length; i++) {
    const param = pathParams[i]!;
    if (typeof path[param] !== 'string') {
      throw new InvalidParameterError(
        spec.operationId,
        `path.${param}`,
        `${signature(spec, name)}: argument ${i + 1}, ${param}, must be a string; got ${kind(path[param])}`,
      );
    }
  }
  if (spec.body && !isPlainObject(body))
    throw new InvalidParameterError(spec.operationId, 'body', `${signature(spec, name)}: body must be an object; got ${kind(body)}`);
  if (query !== undefined && !isPlainObject(query)) {
    throw new InvalidParameterError(
      spec.operationId,
      'query',
      `${signature(spec, name)}: query must be an object of query parameters; got ${kind(query)}`,
    );
  }
}

/** `orders.cancel(orderIdOrNumber, body)`, for messages. */
function signature(spec: ResourceMethodSpec, name: string): string {
  return `${name}(${[...spec.pathParams, ...(spec.body ? ['body'] : []), ...(spec.query ? ['query'] : [])].join(', ')})`;
}

/** One call through the path-style client (so both ways share one behaviour), settled into its data and response. */
function send(client: FungiesClient, spec: ResourceMethodSpec, init: Record<string, unknown>): Promise<Answer<unknown>> {
  // The method and path come from the spec-generated table, so the call is as typed as the path style.
  try {
    return (client as unknown as Record<string, Call>)[spec.method]!(spec.path, init).then(settle);
  } catch (err) {
    return Promise.reject(err);
  }
}

function settle(result: Result): Answer<unknown> {
  const envelope = successData(result) as { data?: unknown } | undefined;
  return new Answer(envelope?.data, result.response);
}

/** A client whose GET carries the caller's signal and headers, for paginate's later pages. */
function withInit(client: FungiesClient, extra: Init): FungiesClient {
  const get = client.GET as unknown as Call;
  return { GET: (path: string, init: Record<string, unknown>) => get(path, { ...init, ...extra }) } as unknown as FungiesClient;
}

function bindMethod(client: FungiesClient, spec: ResourceMethodSpec, name: string) {
  return (...args: unknown[]) => {
    const path: Record<string, unknown> = {};
    const { pathParams } = spec;
    for (let i = 0; i < pathParams.length; i++) path[pathParams[i]!] = args[i];
    let next = pathParams.length;
    // The API's own examples send `{}` for writes that take no fields, so an omitted body is sent as `{}`.
    const body = spec.body ? (args[next++] ?? {}) : undefined;
    const query = spec.query ? (args[next++] as Record<string, unknown> | undefined) : undefined;
    checkArguments(spec, name, path, body, query);
    const extra = requestInit(args[next] as RequestOptions | undefined);
    const init: Record<string, unknown> = { params: { path, query } };
    if (spec.body) init['body'] = body;
    for (const key in extra) init[key] = extra[key as keyof Init];
    if (!spec.list) return new ApiPromise(() => send(client, spec, init));
    return new ListPromise(
      () => send(client, spec, init),
      (limits) => {
        const filters = Object.fromEntries(Object.entries(query ?? {}).filter(([k]) => !PAGING.includes(k)));
        const size = query?.['take'] ?? query?.['limit'];
        return paginate(withInit(client, extra), spec.path as PaginatedPath, {
          path: path as never,
          query: filters as never,
          ...(typeof size === 'number' ? { pageSize: size } : {}),
          ...limits,
        }) as Paginator<unknown>;
      },
    );
  };
}
