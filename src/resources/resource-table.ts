/** The shape of the resource table that `npm run spec:generate` writes to generated/resources.ts. */

export interface ResourceMethodSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as written in the spec. */
  readonly path: string;
  /** Names of the path parameters, in the order the method takes them. */
  readonly pathParams: readonly string[];
  /** Whether the method takes a query argument (after the body, if any). */
  readonly query: boolean;
  /** Whether the method takes a JSON body argument (after the path parameters). */
  readonly body: boolean;
  /** A paginated list: awaitable for one page, iterable with `for await` for every item. */
  readonly list: boolean;
}

export interface ResourceTable {
  readonly [name: string]: ResourceMethodSpec | ResourceTable;
}

export function isMethodSpec(node: ResourceMethodSpec | ResourceTable): node is ResourceMethodSpec {
  return typeof node['operationId'] === 'string';
}
