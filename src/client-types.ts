/** The client's type: openapi-fetch's path-style client whose calls also take the per-request options. */
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '../generated/api.js';
import type { ExactBody } from './exact.js';
import type { RetryPolicy } from './retry.js';

/** Options of one call, beside `params`, `body`, `signal` and `headers`; each overrides the client's. */
export interface FungiesRequestOptions {
  /** This call's timeout per attempt, in milliseconds (headers and body); `false` for none. */
  timeout?: number | false | undefined;
  /** This call's retry policy: a limit, `false`, or parts merged over the client's policy. */
  retry?: number | false | Partial<RetryPolicy> | undefined;
  /** This call's largest response body, in bytes after decompression. */
  maxResponseBytes?: number | undefined;
  /** Aborting ends the call at once with `FungiesUserAbortError`, also during a wait between retries. */
  signal?: AbortSignal | undefined;
}

type Base = Client<paths, 'application/json'>;
type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** As openapi-fetch's own init parameter (optional when nothing in it is required), plus our options. */
// ExactBody: an unknown key in a body literal does not compile (see src/exact.ts).
type InitWithOptions<Init, Op> =
  RequiredKeys<Init> extends never
    ? [(Init & ExactBody<Init, Op> & FungiesRequestOptions & { [key: string]: unknown })?]
    : [Init & ExactBody<Init, Op> & FungiesRequestOptions & { [key: string]: unknown }];
type Call<M extends Method> = <Path extends ClientPathsWithMethod<Base, M>, Init extends MaybeOptionalInit<paths[Path], M>>(
  url: Path,
  ...init: InitWithOptions<Init, paths[Path][M]>
) => Promise<FetchResponse<Extract<paths[Path][M], Record<string | number, any>>, Init, 'application/json'>>;

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
