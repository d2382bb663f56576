/** Exact request bodies: an unknown key in a body literal does not compile (used by the client's type, src/client-types.ts). */
/**
 * openapi-fetch infers `Init` from the argument, and excess-property checks do not apply to an
 * inferred type parameter, so `{ body: { nmae: 'x' } }` would compile. Intersecting the argument
 * with `never` for every key the spec's body lacks restores the check without changing inference.
 */
type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? NonNullable<R> extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type NoExtraKeys<Given, Allowed> = [Allowed] extends [never]
  ? unknown
  : Given extends readonly unknown[]
    ? unknown
    : Given extends object
      ? { [K in Exclude<keyof Given, keyof Allowed>]: never }
      : unknown;
/** Intersect a call's inferred init with this to reject body keys the operation `Op` does not define. */
export type ExactBody<Init, Op> = Init extends { body?: infer B } ? { body?: NoExtraKeys<B, BodyOf<Op>> } : unknown;
