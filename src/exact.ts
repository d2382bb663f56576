/** The path-style client type with exact request bodies: an unknown key in a body literal does not compile. */
import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '../generated/api.js';

type Media = 'application/json';
type WriteMethod = 'post' | 'put' | 'patch' | 'delete';
// `get?: never` marks a method the path lacks; only a required key means the path has it.
type PathsWithMethod<Method extends WriteMethod> = { [P in keyof paths]: paths[P] extends { [K in Method]: unknown } ? P : never }[keyof paths];

/**
 * openapi-fetch infers `Init` from the argument, and excess-property checks do not apply to an
 * inferred type parameter, so `{ body: { nmae: 'x' } }` would compile. Intersecting the argument
 * with `never` for every key the spec's body lacks restores the check without changing inference.
 */
type BodyOf<Op> = Op extends { requestBody?: infer R } ? (NonNullable<R> extends { content: { 'application/json': infer B } } ? B : never) : never;
type NoExtraKeys<Given, Allowed> = [Allowed] extends [never]
  ? unknown
  : Given extends readonly unknown[]
    ? unknown
    : Given extends object
      ? { [K in Exclude<keyof Given, keyof Allowed>]: never }
      : unknown;
/** Intersect a call's inferred init with this to reject body keys the operation `Op` does not define. */
export type ExactBody<Init, Op> = Init extends { body?: infer B } ? { body?: NoExtraKeys<B, BodyOf<Op>> } : unknown;

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
// Mirrors openapi-fetch's own InitParam: optional when nothing in the init is required.
type ExactInitParam<Init, Op> =
  RequiredKeysOf<Init> extends never
    ? [(Init & ExactBody<Init, Op> & { [key: string]: unknown })?]
    : [Init & ExactBody<Init, Op> & { [key: string]: unknown }];

// The helpers' constraint allows `undefined` for a missing method; a path from PathsWithMethod always has it.
type Operation<Path extends keyof paths, Method extends WriteMethod> = Extract<paths[Path][Method], Record<string | number, any>>;
type ExactMethod<Method extends WriteMethod> = <Path extends PathsWithMethod<Method>, Init extends MaybeOptionalInit<paths[Path], Method>>(
  url: Path,
  ...init: ExactInitParam<Init, paths[Path][Method]>
) => Promise<FetchResponse<Operation<Path, Method>, Init, Media>>;

/** openapi-fetch's `Client` for the Fungies paths, with `POST`, `PUT`, `PATCH` and `DELETE` rejecting body keys the spec does not define. */
export type ExactClient = Omit<Client<paths, Media>, 'POST' | 'PUT' | 'PATCH' | 'DELETE'> & {
  /** Call a POST endpoint */
  POST: ExactMethod<'post'>;
  /** Call a PUT endpoint */
  PUT: ExactMethod<'put'>;
  /** Call a PATCH endpoint */
  PATCH: ExactMethod<'patch'>;
  /** Call a DELETE endpoint */
  DELETE: ExactMethod<'delete'>;
};
