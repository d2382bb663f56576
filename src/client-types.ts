/** The client's type: openapi-fetch's path-style client whose calls also take the per-request options. */
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import type { ExactBody } from './exact.js';
import type { RequestOptions } from './request-options.js';

// openapi-fetch's own init has `headers` (which also takes a Headers object); the rest of RequestOptions is added to it.
type CallOptions = Omit<RequestOptions, 'headers'>;

type Base = Client<paths, 'application/json'>;
type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** As openapi-fetch's own init parameter (optional when nothing in it is required), plus our options. */
// ExactBody: an unknown key in a body literal does not compile (see src/exact.ts).
type InitWithOptions<Init, Op> =
  RequiredKeys<Init> extends never
    ? [(Init & ExactBody<Init, Op> & CallOptions & { [key: string]: unknown })?]
    : [Init & ExactBody<Init, Op> & CallOptions & { [key: string]: unknown }];
// biome-ignore lint/suspicious/noExplicitAny: the same constraint openapi-fetch's own call signature puts on an operation.
type AnyOperation = Record<string | number, any>;
type Call<M extends Method> = <Path extends ClientPathsWithMethod<Base, M>, Init extends MaybeOptionalInit<paths[Path], M>>(
  url: Path,
  ...init: InitWithOptions<Init, paths[Path][M]>
) => Promise<FetchResponse<Extract<paths[Path][M], AnyOperation>, Init, 'application/json'>>;

/** The openapi-fetch client for the Fungies API: `GET/POST/PATCH/DELETE(path, { params, body, timeout, retry, signal, headers })`. */
export interface FungiesClient extends Omit<Base, 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'> {
  GET: Call<'get'>;
  PUT: Call<'put'>;
  POST: Call<'post'>;
  DELETE: Call<'delete'>;
  OPTIONS: Call<'options'>;
  HEAD: Call<'head'>;
  PATCH: Call<'patch'>;
  TRACE: Call<'trace'>;
}
