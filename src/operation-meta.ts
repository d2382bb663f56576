/** The shape of the per-operation metadata that `npm run spec:generate` writes to generated/operations.ts. */

/** The methods an OpenAPI 3.1 Path Item can hold, in the spec's order; the spec pipeline walks the same list. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** RFC 9110 "safe" methods: they change nothing on the server, so the client retries them by default and the suite sends them to any target. */
export const SAFE_METHODS: readonly HttpMethod[] = ['get', 'head', 'options'];

export function isSafeMethod(method: string): boolean {
  return (SAFE_METHODS as readonly string[]).includes(method.toLowerCase());
}

export interface ParameterMeta {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  /** JSON Schema; `$ref`s point into the registered spec document. */
  readonly schema: unknown;
}

export interface MediaMeta {
  readonly schema?: unknown;
}

export interface ResponseMeta {
  readonly description: string;
  /** Content type → schema. Empty for a response without a body. */
  readonly content: Readonly<Record<string, MediaMeta>>;
}

export interface OperationMeta {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template as written in the spec, e.g. `/v0/orders/{orderIdOrNumber}/cancel`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Lower-case header names the operation's `security` requires. */
  readonly authHeaders: readonly string[];
  readonly parameters: readonly ParameterMeta[];
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, MediaMeta>> };
  /** Documented status (or `default`, `4XX`) → response. */
  readonly responses: Readonly<Record<string, ResponseMeta>>;
}
